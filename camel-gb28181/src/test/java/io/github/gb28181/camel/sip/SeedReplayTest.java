package io.github.gb28181.camel.sip;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SeedCapture;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every device-to-platform message of the two seed captures, sent byte for byte as captured (addresses rewritten to
 * loopback, nothing else), gets the answer the capture shows and produces the right event. The platform issues the
 * captured nonces, so the captured Authorization headers verify as they are.
 */
class SeedReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int port = FreePorts.udpAndTcp();
    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private PlatformServer server;
    private final DeviceRegistry registry = new DeviceRegistry();
    private SipPeer peer;

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void hikvision2013RegisterKeepaliveUnregister() throws Exception {
        SeedCapture seed = SeedCapture.load("000_ed50de79445529c3.txt");
        Iterator<String> nonces = List.of("a8afe6fcbee6331d89d3eb0d3d19ce39", "42dc1acbe02b15743942c0af9314768b").iterator();
        start("130909115229300920", "1309091152", "hik", "130909113319427420=12345", nonces::next);
        String[] loopback = { "10.64.49.218:7100", "127.0.0.1:" + peer.localPort(), "10.64.49.44:7100", "127.0.0.1:" + port };

        SipText challenge = replay(seed, seed.indexOf("REGISTER", "CSeq: 1 REGISTER", "Expires: 7200"), loopback);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.param("WWW-Authenticate", "realm")).isEqualTo("hik");
        assertThat(challenge.param("WWW-Authenticate", "nonce")).isEqualTo("a8afe6fcbee6331d89d3eb0d3d19ce39");

        SipText registered = replay(seed, seed.indexOf("CSeq: 2 REGISTER", "907ddb1bcc25174d7de4a96c947fb066"), loopback);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.header("Date")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        Registration registration = (Registration) next(EventType.REGISTER).body();
        assertThat(registration.deviceId()).isEqualTo("130909113319427420");
        assertThat(registration.username()).isEqualTo("admin");
        assertThat(registration.expires()).isEqualTo(7200);
        assertThat(registration.userAgent()).isEqualTo("Hikvision");
        next(EventType.ONLINE);

        SipText keepaliveOk = replay(seed, seed.indexOf("MESSAGE", "<CmdType>Keepalive</CmdType>"), loopback);
        assertThat(keepaliveOk.status()).isEqualTo(200);
        KeepaliveNotify keepalive = (KeepaliveNotify) next(EventType.KEEPALIVE).body();
        assertThat(keepalive.getSn()).isEqualTo(2749);

        SipText unregisterChallenge = replay(seed, seed.indexOf("CSeq: 1 REGISTER", "Expires: 0"), loopback);
        assertThat(unregisterChallenge.status()).isEqualTo(401);
        SipText unregistered = replay(seed, seed.indexOf("CSeq: 2 REGISTER", "7328353ed26e3f2edf3ff57e834d5665"), loopback);
        assertThat(unregistered.status()).isEqualTo(200);
        assertThat(((Registration) next(EventType.UNREGISTER).body()).expires()).isZero();
        next(EventType.OFFLINE);
    }

    @Test
    void hikvisionDigestWithAnotherPasswordIsForbidden() throws Exception {
        SeedCapture seed = SeedCapture.load("000_ed50de79445529c3.txt");
        start("130909115229300920", "1309091152", "hik", "130909113319427420=54321",
                () -> "a8afe6fcbee6331d89d3eb0d3d19ce39");
        String[] loopback = { "10.64.49.218:7100", "127.0.0.1:" + peer.localPort(), "10.64.49.44:7100", "127.0.0.1:" + port };

        assertThat(replay(seed, seed.indexOf("CSeq: 1 REGISTER", "Expires: 7200"), loopback).status()).isEqualTo(401);
        assertThat(replay(seed, seed.indexOf("CSeq: 2 REGISTER", "907ddb1bcc25174d7de4a96c947fb066"), loopback).status())
                .isEqualTo(403);
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void dahua2024KeepaliveCatalogInfoStatusAndRecords() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        start("34020000002000000010", "3402000000", "34020000", DahuaPassword.DEVICE_PASSWORDS, () -> "1715926053");
        String[] loopback = { "192.168.6.71:5060", "127.0.0.1:" + peer.localPort(), "192.168.6.60:5060",
                "127.0.0.1:" + peer.localPort(), "192.168.6.106:5062", "127.0.0.1:" + port };

        SipText challenge = replay(seed, seed.indexOf("REGISTER sip:", "Route:", "CSeq: 1 REGISTER"), loopback);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.param("WWW-Authenticate", "realm")).isEqualTo("34020000");
        // the capture lost this REGISTER's request line; it is the first one's, as the Via/Call-ID/CSeq show
        String authorized = "REGISTER sip:34020000002000000010@192.168.6.106:5062 SIP/2.0\n"
                            + seed.text(seed.indexOf("CSeq: 2 REGISTER", "fa983ee8abd2b6ff36b857c660b06f67"));
        SipText registered = send(SeedCapture.wire(authorized, loopback), "1881196343@192.168.6.71");
        assertThat(registered.status()).isEqualTo(DahuaPassword.KNOWN ? 200 : 403);
        if (!DahuaPassword.KNOWN) {
            // the capture does not tell the Dahua password: register the same device with one we know
            registerNormally("34020000001320000002");
        }
        next(EventType.REGISTER);
        next(EventType.ONLINE);

        assertThat(replay(seed, seed.indexOf("<CmdType>Keepalive</CmdType>", "<SN>539</SN>"), loopback).status()).isEqualTo(200);
        assertThat(next(EventType.KEEPALIVE).body()).isInstanceOf(KeepaliveNotify.class);

        assertThat(replay(seed, seed.indexOf("<Response>", "<CmdType>Catalog</CmdType>"), loopback).status()).isEqualTo(200);
        CatalogResponse catalog = (CatalogResponse) next(EventType.CATALOG).body();
        assertThat(catalog.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getDeviceId()).isEqualTo("34020000001310000001");
            assertThat(item.getName()).isEqualTo("DH71");
            assertThat(item.getInfo().getPtzType()).isEqualTo(3);
        });
        Device device = registry.find("34020000001320000002").orElseThrow();
        assertThat(device.getChannel("34020000001310000001").name()).isEqualTo("DH71");

        assertThat(replay(seed, seed.indexOf("<CmdType>DeviceInfo</CmdType>", "<Firmware>"), loopback).status()).isEqualTo(200);
        DeviceInfoResponse info = (DeviceInfoResponse) next(EventType.DEVICE_INFO).body();
        assertThat(info.getManufacturer()).isEqualTo("Dahua");
        assertThat(device.getModel()).isEqualTo("DH-SD-6C3230UE-HN");

        assertThat(replay(seed, seed.indexOf("<CmdType>DeviceStatus</CmdType>", "<Alarmstatus"), loopback).status()).isEqualTo(200);
        DeviceStatusResponse status = (DeviceStatusResponse) next(EventType.DEVICE_STATUS).body();
        assertThat(status.getAlarmStatus()).hasSize(2);

        // the recorder that answers RecordInfo is another device in the capture; it registers first
        registerNormally("34020000001110000001");
        next(EventType.REGISTER);
        next(EventType.ONLINE);
        assertThat(replay(seed, seed.indexOf("<CmdType>RecordInfo</CmdType>", "<RecordList"), loopback).status()).isEqualTo(200);
        DeviceEvent records = next(EventType.RECORD_INFO);
        assertThat(records.deviceId()).isEqualTo("34020000001110000001");
        assertThat(records.channelId()).isEqualTo("34020000001310000001");
        assertThat(((RecordInfoResponse) records.body()).getItems()).hasSize(2);
    }

    private void start(String serverId, String domain, String realm, String passwords,
                       java.util.function.Supplier<String> nonces) throws Exception {
        PlatformSettings settings = PlatformSettings.builder().serverId(serverId).domain(domain).realm(realm)
                .credentials(StaticCredentialLookup.of(null, passwords)).digestQop(false)
                .keepaliveTimeoutMillis(60_000).aggregationTimeoutMillis(2_000).nonceTtlMillis(60_000)
                .nonceGenerator(nonces)
                // the 2013 Hikvision camera calls itself by an 18-digit id: the documented exception to the GB form
                .accessPolicy(new AccessPolicy(List.of(), List.of(), List.of(), List.of(), 5, 600_000, false,
                        Pattern.compile("[0-9]{18,20}"), Clock.systemUTC()))
                .build();
        server = new PlatformServer(new SipServerSettings("127.0.0.1", port, Set.of("UDP", "TCP"), null,
                1024 * 1024, 4), settings, registry, new io.github.gb28181.camel.media.InMemoryMediaSessionRegistry());
        server.events().subscribe(events::add);
        server.start();
        peer = SipPeer.udp(port);
    }

    private SipText replay(SeedCapture seed, int index, String... loopback) throws Exception {
        String message = seed.text(index);
        String callId = message.lines().filter(l -> l.startsWith("Call-ID:")).findFirst().orElseThrow()
                .substring("Call-ID:".length()).trim();
        return send(SeedCapture.wire(message, loopback), callId);
    }

    private SipText send(byte[] wire, String callId) throws Exception {
        peer.send(wire);
        return peer.awaitResponse(callId, WAIT);
    }

    private void registerNormally(String deviceId) throws Exception {
        try (SimulatedDevice device = new SimulatedDevice(deviceId, DahuaPassword.FALLBACK)) {
            device.serverId("34020000002000000010");
            device.connect(port, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);
        }
    }

    private DeviceEvent next(EventType type) throws InterruptedException {
        DeviceEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("expected a %s event", type).isNotNull();
        assertThat(event.type()).isEqualTo(type);
        return event;
    }

    /** What we know of the Dahua seed device's password. */
    private static final class DahuaPassword {
        static final boolean KNOWN = false;
        static final String FALLBACK = "dahua-replay";
        static final String DEVICE_PASSWORDS = "34020000001320000002=" + FALLBACK + ",34020000001110000001=" + FALLBACK;
    }
}

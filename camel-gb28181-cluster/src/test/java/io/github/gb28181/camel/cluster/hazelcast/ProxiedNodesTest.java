package io.github.gb28181.camel.cluster.hazelcast;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes behind the repository's own Kamailio configuration (camel-gb28181-example/cluster/kamailio): devices
 * register through the proxy and are spread by id; either node queries and moves a device the other owns, the request
 * going out through the proxy (the device's Path) and the device's answer coming back through it to the owner, which
 * hands it over.
 */
class ProxiedNodesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path KAMAILIO_CFG = Path.of("../camel-gb28181-example/cluster/kamailio/kamailio.cfg");

    @RegisterExtension
    final Nodes nodes = new Nodes(2);
    @TempDir
    Path work;

    @Test
    void eitherNodeCommandsADeviceTheOtherOwnsThroughTheProxy() throws Exception {
        Nodes.Node a = nodes.start(0, "127.0.0.1", Duration.ofMinutes(1));
        Nodes.Node b = nodes.start(1, "127.0.0.1", Duration.ofMinutes(1));
        int proxyPort = startKamailio(a.sipPort(), b.sipPort());

        List<SimulatedDevice> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SimulatedDevice device = nodes.closing(new SimulatedDevice("3402000000132000010" + i, null));
            device.connect(proxyPort, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);
            devices.add(device);
        }
        DeviceRegistry onA = a.component().getDeviceRegistry();
        DeviceRegistry onB = b.component().getDeviceRegistry();
        await().atMost(WAIT).until(() -> devices.stream().allMatch(d -> online(onA, d) && online(onB, d)));
        // spread by id over both nodes, each device known at its own address (not the proxy's) with the proxy as Path
        assertThat(onA.devices()).extracting(Device::getOwnerNode).contains("a", "b");
        for (SimulatedDevice device : devices) {
            Device known = onB.find(device.deviceId()).orElseThrow();
            assertThat(known.getRemotePort()).isEqualTo(device.peer().localPort());
            assertThat(known.getPath()).singleElement().asString().contains("127.0.0.1:" + proxyPort);
        }
        // every request reaches the nodes from the proxy's address: the address binding must judge by the device's
        // own, the one the proxy stamped into its Via, so a MESSAGE in a device's name from another host is refused
        SimulatedDevice real = devices.get(0);
        SimulatedDevice impostor = nodes.closing(new SimulatedDevice(real.deviceId(), null));
        impostor.connect(proxyPort, "UDP", InetAddress.getByName("127.0.0.2"));
        assertThat(impostor.keepalive().status()).isEqualTo(403);
        assertThat(real.keepalive().status()).isEqualTo(200);
        assertThat(onA.find(real.deviceId()).orElseThrow().getRemotePort()).isEqualTo(real.peer().localPort());

        SimulatedDevice device = devices.stream().filter(d -> "a".equals(onB.find(d.deviceId()).orElseThrow()
                .getOwnerNode())).findFirst().orElseThrow();
        // node B queries node A's device: the query leaves through the proxy, the answer reaches A and is handed to B
        CompletableFuture<Exchange> reply = b.context().createProducerTemplate()
                .asyncSend("gb28181:deviceInfo?deviceId=" + device.deviceId(), e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        assertThat(query.headers("Via")).hasSize(2);
        assertThat(query.headers("Via").get(0)).contains("127.0.0.1:" + proxyPort);
        assertThat(query.headers("Via").get(1)).contains("127.0.0.1:" + b.sipPort());
        device.answer(query, 200, "OK");
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceInfo</CmdType><SN>" + TwoNodesTest.sn(query)
                           + "</SN><DeviceID>" + device.deviceId() + "</DeviceID><Result>OK</Result>"
                           + "<Manufacturer>Dahua</Manufacturer><Model>IPC-HFW</Model></Response>",
                StandardCharsets.UTF_8);
        Exchange exchange = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(DeviceInfoResponse.class).getModel()).isEqualTo("IPC-HFW");

        // and moves it: a control completes on the device's 200, which comes back to B through the proxy
        CompletableFuture<Exchange> ptz = b.context().createProducerTemplate()
                .asyncSend("gb28181:ptz?action=up&speed=100&deviceId=" + device.deviceId(), e -> { });
        SipText control = device.peer().awaitRequest("MESSAGE", WAIT);
        assertThat(new String(control.body(), StandardCharsets.UTF_8)).containsPattern("<PTZCmd>A50F..08");
        device.answer(control, 200, "OK");
        assertThat(ptz.get(WAIT.toSeconds(), TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aMediaSessionHeldByOneNodeIsListedAndEndedByTheOther() throws Exception {
        Nodes.Node a = nodes.start(0, "127.0.0.1", Duration.ofMinutes(1));
        Nodes.Node b = nodes.start(1, "127.0.0.1", Duration.ofMinutes(1));
        int proxyPort = startKamailio(a.sipPort(), b.sipPort());
        SimulatedDevice device = nodes.closing(new SimulatedDevice("34020000001320000201", null));
        device.connect(proxyPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        DeviceRegistry onA = a.component().getDeviceRegistry();
        DeviceRegistry onB = b.component().getDeviceRegistry();
        await().atMost(WAIT).until(() -> online(onA, device) && online(onB, device));
        // the owner is the node the proxy's hash picks for the device; the other one plays its recording back
        Nodes.Node owner = "a".equals(onA.find(device.deviceId()).orElseThrow().getOwnerNode()) ? a : b;
        Nodes.Node holder = owner == a ? b : a;

        String first = Playbacks.start(holder, device).header("Call-ID");
        MediaSession listed = Playbacks.listed(owner).stream().filter(s -> s.sessionId().equals(first)).findFirst()
                .orElseThrow();
        assertThat(listed.kind()).isEqualTo(SessionKind.PLAYBACK);
        assertThat(listed.deviceId()).isEqualTo(device.deviceId());
        assertThat(listed.channelId()).isEqualTo(Playbacks.CHANNEL);

        // the owner is asked to end it: the holder sends the BYE (through the proxy), the owner's exchange gets the end
        CompletableFuture<Exchange> stop = Playbacks.bye(owner, first);
        SipText bye = Playbacks.awaitRequest(device, "BYE", first);
        assertThat(bye.headers("Via")).hasSize(2);
        assertThat(bye.headers("Via").get(1)).contains("127.0.0.1:" + holder.sipPort());
        device.answer(bye, 200, "OK", Playbacks.TO_TAG, "");
        Exchange stopped = stop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.getException()).isNull();
        MediaSession ended = stopped.getMessage().getBody(MediaSession.class);
        assertThat(ended.sessionId()).isEqualTo(first);
        assertThat(ended.state()).isEqualTo(MediaSession.State.ENDED);
        assertThat(ended.endReason()).isEqualTo("BYE_SENT");
        assertThat(Playbacks.lists(holder, first)).isFalse();
        await().atMost(WAIT).until(() -> !Playbacks.lists(owner, first));
        await().atMost(WAIT).until(() -> Playbacks.count(holder.events(), "SESSION_ENDED") == 1);

        // the device's MediaStatus 121 reaches the owner through the proxy; the holder ends the session, once
        String second = Playbacks.start(holder, device).header("Call-ID");
        Playbacks.mediaEnded(device, second);
        SipText endOfMedia = Playbacks.awaitRequest(device, "BYE", second);
        device.answer(endOfMedia, 200, "OK", Playbacks.TO_TAG, "");
        await().atMost(WAIT).until(() -> owner.events().contains("MEDIA_STATUS")
                                         && Playbacks.count(holder.events(), "SESSION_ENDED") == 2);
        assertThat(Playbacks.listed(holder)).isEmpty();
        await().atMost(WAIT).until(() -> Playbacks.listed(owner).isEmpty());
        assertThat(owner.events()).doesNotContain("SESSION_ENDED");
        assertThat(holder.events()).doesNotContain("MEDIA_STATUS");
    }

    private static boolean online(DeviceRegistry registry, SimulatedDevice device) {
        return registry.find(device.deviceId()).map(Device::isOnline).orElse(false);
    }

    /** Starts the proxy in front of the nodes: returns its port. */
    private int startKamailio(int... nodePorts) throws Exception {
        int port = FreePorts.udpAndTcp();
        StringBuilder list = new StringBuilder();
        for (int node : nodePorts) {
            list.append("1 sip:127.0.0.1:").append(node).append('\n');
        }
        Path nodesList = Files.writeString(work.resolve("nodes.list"), list);
        Process kamailio = new ProcessBuilder("kamailio", "-DD", "-E", "-m", "32", "-f",
                KAMAILIO_CFG.toAbsolutePath().toString(), "-A", "LISTEN=udp:127.0.0.1:" + port,
                "-A", "NODES=\"" + nodesList + "\"", "-A", "WORKERS=2", "-w", work.toString(),
                "-P", work.resolve("kamailio.pid").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("kamailio.log").toFile()).start();
        nodes.closing(() -> {
            kamailio.destroy();
            kamailio.waitFor(10, TimeUnit.SECONDS);
        });
        await().atMost(WAIT).until(() -> !kamailio.isAlive() || !FreePorts.udpFree(port));
        assertThat(kamailio.isAlive()).as("kamailio runs: " + Files.readString(work.resolve("kamailio.log"))).isTrue();
        return port;
    }
}

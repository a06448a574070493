package io.github.gb28181.camel.cluster.hazelcast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two platform nodes in one JVM, each with its own SIP port and its own embedded Hazelcast member, sharing the
 * registry: a device registered on node A is listed on node B and answers a query node B sends it, although its
 * answer reaches node A (the node it talks to), which hands it over. When A goes, B looks after A's devices and
 * forgets A's media sessions.
 */
class TwoNodesTest {

    private static final String DEVICE = "34020000001320000077";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final Nodes nodes = new Nodes(2);

    @Test
    void aDeviceOfNodeAIsListedAndQueriedFromNodeB() throws Exception {
        Nodes.Node a = nodes.start(0, null, Duration.ofMinutes(1));
        Nodes.Node b = nodes.start(1, null, Duration.ofMinutes(1));

        SimulatedDevice device = nodes.closing(new SimulatedDevice(DEVICE, null));
        device.connect(a.sipPort(), "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        DeviceRegistry onB = b.component().getDeviceRegistry();
        await().atMost(WAIT).until(() -> onB.find(DEVICE).map(Device::isOnline).orElse(false));
        Device seenFromB = onB.find(DEVICE).orElseThrow();
        assertThat(seenFromB.getOwnerNode()).isEqualTo("a");
        assertThat(seenFromB.getRemotePort()).isEqualTo(device.peer().localPort());
        // each event once, on the node the device talks to
        assertThat(a.events()).contains("REGISTER", "ONLINE");
        assertThat(b.events()).isEmpty();

        CompletableFuture<Exchange> reply = b.context().createProducerTemplate()
                .asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE, e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        assertThat(query.headers("Via").get(0)).contains(":" + b.sipPort());
        device.answerAlongVia(query, 200, "OK");
        // the device answers to the platform it registered with: node A, which hands the answer to B
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceInfo</CmdType><SN>" + sn(query)
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result>"
                           + "<Manufacturer>Hikvision</Manufacturer><Model>DS-2CD</Model></Response>",
                StandardCharsets.UTF_8);

        Exchange exchange = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        DeviceInfoResponse info = exchange.getMessage().getBody(DeviceInfoResponse.class);
        assertThat(info.getManufacturer()).isEqualTo("Hikvision");
        assertThat(info.getModel()).isEqualTo("DS-2CD");
        // what node A learnt from the answer reaches node B's registry
        await().atMost(WAIT).until(() -> "Hikvision".equals(onB.find(DEVICE).orElseThrow().getManufacturer()));
    }

    @Test
    void whenNodeAGoesNodeBTimesOutItsSilentDevices() throws Exception {
        // A times out its own devices after a minute; B, the caretaker once A is gone, two seconds after it went
        Nodes.Node a = nodes.start(0, null, Duration.ofMinutes(1));
        Nodes.Node b = nodes.start(1, null, Duration.ofSeconds(2));

        SimulatedDevice device = nodes.closing(new SimulatedDevice(DEVICE, null));
        device.connect(a.sipPort(), "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        DeviceRegistry onB = b.component().getDeviceRegistry();
        await().atMost(WAIT).until(() -> onB.find(DEVICE).map(Device::isOnline).orElse(false));
        // A plays a recording back, which B lists
        String session = Playbacks.start(a, device).header("Call-ID");
        assertThat(Playbacks.lists(b, session)).isTrue();

        // node A dies: its member first, as in a crash, so it tells the cluster nothing more
        a.cluster().hazelcast().getLifecycleService().terminate();
        a.context().stop();
        // its session died with it: B, the caretaker now, no longer lists it
        await().atMost(WAIT).until(() -> !Playbacks.lists(b, session));
        // the device went silent with its node: B, the caretaker now, says so once, a keepalive timeout after A left
        await().atMost(WAIT).until(() -> b.events().contains("OFFLINE"));
        assertThat(onB.find(DEVICE).orElseThrow().isOnline()).isFalse();
        assertThat(onB.find(DEVICE).orElseThrow().getOwnerNode()).isEqualTo("b");

        // its next keepalive reaches B (as the proxy would send it): online again, owned by B
        device.connect(b.sipPort(), "UDP");
        assertThat(device.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> onB.find(DEVICE).orElseThrow().isOnline());
        assertThat(b.events()).containsSubsequence("OFFLINE", "ONLINE");
    }

    static int sn(SipText request) {
        Matcher m = Pattern.compile("<SN>(\\d+)</SN>").matcher(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

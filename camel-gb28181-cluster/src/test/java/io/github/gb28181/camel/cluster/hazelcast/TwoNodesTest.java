package io.github.gb28181.camel.cluster.hazelcast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two platform nodes in one JVM, each with its own SIP port and its own embedded Hazelcast member, sharing the
 * registry: a device registered on node A is listed on node B and answers a query node B sends it, although its
 * answer reaches node A (the node it talks to), which hands it over. When A goes, B looks after A's devices.
 */
class TwoNodesTest {

    private static final String DEVICE = "34020000001320000077";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> eventsOnA = new CopyOnWriteArrayList<>();
    private final List<String> eventsOnB = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void aDeviceOfNodeAIsListedAndQueriedFromNodeB() throws Exception {
        int hzA = FreePorts.udpAndTcp();
        int hzB = FreePorts.udpAndTcp();
        List<String> members = List.of("127.0.0.1:" + hzA, "127.0.0.1:" + hzB);
        HazelcastCluster clusterA = cluster("a", hzA, members);
        HazelcastCluster clusterB = cluster("b", hzB, members);
        await().atMost(WAIT).until(() -> clusterA.hazelcast().getCluster().getMembers().size() == 2);
        CamelContext nodeA = node(clusterA, eventsOnA);
        CamelContext nodeB = node(clusterB, eventsOnB);
        int sipA = component(nodeA).getConfiguration().getPort();

        SimulatedDevice device = new SimulatedDevice(DEVICE, null);
        closing.add(device);
        device.connect(sipA, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        DeviceRegistry onB = component(nodeB).getDeviceRegistry();
        await().atMost(WAIT).until(() -> onB.find(DEVICE).map(Device::isOnline).orElse(false));
        Device seenFromB = onB.find(DEVICE).orElseThrow();
        assertThat(seenFromB.getOwnerNode()).isEqualTo("a");
        assertThat(seenFromB.getRemotePort()).isEqualTo(device.peer().localPort());
        // each event once, on the node the device talks to
        assertThat(eventsOnA).contains("REGISTER", "ONLINE");
        assertThat(eventsOnB).isEmpty();

        CompletableFuture<Exchange> reply = nodeB.createProducerTemplate()
                .asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE, e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        assertThat(query.headers("Via").get(0)).contains(":" + component(nodeB).getConfiguration().getPort());
        device.answerAlongVia(query, 200, "OK");
        // the device answers to the platform it registered with: node A
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
        int hzA = FreePorts.udpAndTcp();
        int hzB = FreePorts.udpAndTcp();
        List<String> members = List.of("127.0.0.1:" + hzA, "127.0.0.1:" + hzB);
        HazelcastCluster clusterA = cluster("a", hzA, members);
        HazelcastCluster clusterB = cluster("b", hzB, members);
        await().atMost(WAIT).until(() -> clusterB.hazelcast().getCluster().getMembers().size() == 2);
        CamelContext nodeA = node(clusterA, eventsOnA);
        CamelContext nodeB = node(clusterB, eventsOnB);

        SimulatedDevice device = new SimulatedDevice(DEVICE, null);
        closing.add(device);
        device.connect(component(nodeA).getConfiguration().getPort(), "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        DeviceRegistry onB = component(nodeB).getDeviceRegistry();
        await().atMost(WAIT).until(() -> onB.find(DEVICE).map(Device::isOnline).orElse(false));

        // node A dies: its member first, as in a crash, so it tells the cluster nothing more
        clusterA.hazelcast().getLifecycleService().terminate();
        nodeA.stop();
        // the device went silent with its node: B, the caretaker now, says so once, a keepalive timeout after A left
        await().atMost(WAIT).until(() -> eventsOnB.contains("OFFLINE"));
        assertThat(onB.find(DEVICE).orElseThrow().isOnline()).isFalse();
        assertThat(onB.find(DEVICE).orElseThrow().getOwnerNode()).isEqualTo("b");

        // its next keepalive reaches B (as the proxy would send it): online again, owned by B
        device.connect(component(nodeB).getConfiguration().getPort(), "UDP");
        assertThat(device.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> onB.find(DEVICE).orElseThrow().isOnline());
        assertThat(eventsOnB).containsSubsequence("OFFLINE", "ONLINE");
    }

    private HazelcastCluster cluster(String node, int port, List<String> members) {
        HazelcastCluster cluster = HazelcastCluster.start(HazelcastCluster.config(node, "two-nodes-" + members.get(0),
                "127.0.0.1", port, members, 5));
        closing.add(cluster);
        return cluster;
    }

    private CamelContext node(HazelcastCluster cluster, List<String> events) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setAdvertisedAddress("127.0.0.1");
        component.getConfiguration().setPort(FreePorts.udpAndTcp());
        component.getConfiguration().setTransports("UDP");
        component.getConfiguration().setKeepaliveTimeout(2_000);
        component.setCluster(cluster);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").process(e -> events.add(e.getMessage().getHeader("CamelGb28181EventType",
                        String.class)));
            }
        });
        context.start();
        closing.add(context);
        return context;
    }

    private static Gb28181Component component(CamelContext context) {
        return context.getComponent("gb28181", Gb28181Component.class);
    }

    private static int sn(SipText request) {
        Matcher m = Pattern.compile("<SN>(\\d+)</SN>").matcher(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

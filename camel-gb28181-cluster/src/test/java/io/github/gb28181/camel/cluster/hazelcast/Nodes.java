package io.github.gb28181.camel.cluster.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Platform nodes in this JVM, each a Camel context with its own SIP port and its own embedded Hazelcast member, all
 * of one cluster; closed after each test. Each node records the event types its routes receive.
 */
final class Nodes implements AfterEachCallback {

    /** One node: its Camel context, its cluster member and the events it published. */
    record Node(CamelContext context, HazelcastCluster cluster, List<String> events) {
        Gb28181Component component() {
            return context.getComponent("gb28181", Gb28181Component.class);
        }

        int sipPort() {
            return component().getConfiguration().getPort();
        }
    }

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> members = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    /** Reserves the Hazelcast ports of {@code count} nodes, which every member lists. */
    Nodes(int count) {
        for (int i = 0; i < count; i++) {
            int port = FreePorts.udpAndTcp();
            ports.add(port);
            members.add("127.0.0.1:" + port);
        }
    }

    /**
     * Starts node {@code index} (named a, b, c ...).
     *
     * @param trustedProxies   the SIP proxy in front, or null
     * @param keepaliveTimeout how long its devices may stay silent
     */
    Node start(int index, String trustedProxies, Duration keepaliveTimeout) throws Exception {
        String name = String.valueOf((char) ('a' + index));
        HazelcastCluster cluster = HazelcastCluster.start(HazelcastCluster.config(name, "nodes-" + members.get(0),
                "127.0.0.1", ports.get(index), members, 5));
        closing.add(cluster);
        List<String> events = new CopyOnWriteArrayList<>();
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setAdvertisedAddress("127.0.0.1");
        component.getConfiguration().setPort(FreePorts.udpAndTcp());
        component.getConfiguration().setTransports("UDP");
        component.getConfiguration().setKeepaliveTimeout(keepaliveTimeout.toMillis());
        component.getConfiguration().setTrustedProxies(trustedProxies);
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
        return new Node(context, cluster, events);
    }

    /** Closed with the nodes, in reverse order. */
    <T extends AutoCloseable> T closing(T resource) {
        closing.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        closing.clear();
    }
}

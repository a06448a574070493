package io.github.gb28181.camel.cluster.hazelcast;

import java.time.Clock;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.device.NodeMembership;
import io.github.gb28181.camel.platform.PlatformCluster;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import io.github.gb28181.camel.sip.media.MediaSessionDirectory;

/**
 * One platform node's share of a cluster, on a Hazelcast member embedded in the node: give it to the gb28181
 * component ({@code camel.component.gb28181.cluster}). The device registry is the map {@value HazelcastDeviceStore#MAP},
 * the nodes are the members, answers travel on per-node topics, and the media sessions are the map
 * {@value HazelcastMediaSessions#MAP}, ended by their holder when asked on its topic. See docs/cluster.md.
 */
public final class HazelcastCluster implements PlatformCluster, AutoCloseable {

    private final HazelcastInstance hazelcast;
    private final boolean ownInstance;
    private final HazelcastMembership membership;
    private final HazelcastDeviceStore store;
    private final HazelcastRemoteWaiters waiters;
    private final HazelcastMediaSessions sessions;

    /**
     * A node on a Hazelcast member of the application's (Spring Boot's, say). Name it with the member attribute
     * {@value HazelcastMembership#NODE_ATTRIBUTE}; without one the member's UUID names it.
     */
    public HazelcastCluster(HazelcastInstance hazelcast) {
        this(hazelcast, false);
    }

    private HazelcastCluster(HazelcastInstance hazelcast, boolean ownInstance) {
        this.hazelcast = hazelcast;
        this.ownInstance = ownInstance;
        this.membership = new HazelcastMembership(hazelcast, Clock.systemUTC());
        this.store = new HazelcastDeviceStore(hazelcast.getMap(HazelcastDeviceStore.MAP), membership.localNode());
        this.waiters = new HazelcastRemoteWaiters(hazelcast, membership.localNode());
        this.sessions = new HazelcastMediaSessions(hazelcast, membership);
    }

    /** Starts a member of its own with {@link #config} and makes it a node; closing the node stops the member. */
    public static HazelcastCluster start(Config config) {
        return new HazelcastCluster(Hazelcast.newHazelcastInstance(config), true);
    }

    /**
     * A member that joins the others over TCP at fixed addresses (no multicast: it rarely crosses a data centre's
     * network), with failure detection in seconds rather than Hazelcast's default minute, since every device of a
     * dead node waits for it.
     *
     * @param node             this node's name, unique in the cluster
     * @param clusterName      the cluster's name: members of another never join
     * @param host             the address to listen on
     * @param port             the port to listen on
     * @param members          every member's host:port, this one's included
     * @param heartbeatTimeout seconds without a heartbeat after which a member is taken for dead
     */
    public static Config config(String node, String clusterName, String host, int port, List<String> members,
                                int heartbeatTimeout) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName("gb28181-" + node);
        config.getMemberAttributeConfig().setAttribute(HazelcastMembership.NODE_ATTRIBUTE, node);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        // the address itself, not an interface: 127.0.0.x of a one-machine cluster belong to no interface by name
        config.setProperty("hazelcast.local.localAddress", host);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        config.getJetConfig().setEnabled(false);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(heartbeatTimeout));
        return config;
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public NodeMembership membership() {
        return membership;
    }

    @Override
    public DeviceStore deviceStore() {
        return store;
    }

    @Override
    public RemoteWaiters remoteWaiters() {
        return waiters;
    }

    @Override
    public MediaSessionDirectory mediaSessions() {
        return sessions;
    }

    @Override
    public void close() {
        sessions.close();
        store.flush();
        store.close();
        if (ownInstance) {
            hazelcast.shutdown();
        }
    }
}

package io.github.gb28181.camel.cluster.hazelcast;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.github.gb28181.camel.device.NodeMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes are the members of the Hazelcast cluster, each named by its {@value #NODE_ATTRIBUTE} attribute (or its
 * member UUID). The caretaker of a gone node's devices is Hazelcast's oldest member, which every member agrees on
 * without a vote of ours.
 */
final class HazelcastMembership implements NodeMembership, MembershipListener {

    static final String NODE_ATTRIBUTE = "gb28181.node";
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMembership.class);

    private final HazelcastInstance hazelcast;
    private final String localNode;
    private final Clock clock;
    private final Map<String, Instant> gone = new ConcurrentHashMap<>();
    private final List<Consumer<String>> leaving = new CopyOnWriteArrayList<>();

    HazelcastMembership(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.clock = clock;
        this.localNode = nameOf(hazelcast.getCluster().getLocalMember());
        hazelcast.getCluster().addMembershipListener(this);
    }

    static String nameOf(Member member) {
        String name = member.getAttribute(NODE_ATTRIBUTE);
        return name != null ? name : member.getUuid().toString();
    }

    @Override
    public String localNode() {
        return localNode;
    }

    @Override
    public boolean isAlive(String node) {
        Set<Member> members = hazelcast.getCluster().getMembers();
        for (Member member : members) {
            if (nameOf(member).equals(node)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Instant goneSince(String node) {
        return gone.get(node);
    }

    @Override
    public boolean isCaretaker() {
        Set<Member> members = hazelcast.getCluster().getMembers();
        return !members.isEmpty() && members.iterator().next().localMember();
    }

    /** Told the name of each node that leaves, on Hazelcast's event thread: do no blocking work there. */
    void onNodeLeft(Consumer<String> listener) {
        leaving.add(listener);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        String node = nameOf(event.getMember());
        gone.remove(node);
        LOG.info("Node {} joined: {} nodes", node, event.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        String node = nameOf(event.getMember());
        gone.put(node, clock.instant());
        LOG.warn("Node {} left: {} nodes; its devices move to the nodes they talk to next", node,
                event.getMembers().size());
        leaving.forEach(listener -> listener.accept(node));
    }
}

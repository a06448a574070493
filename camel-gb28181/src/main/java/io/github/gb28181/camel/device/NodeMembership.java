package io.github.gb28181.camel.device;

import java.time.Instant;

/**
 * The nodes that share one device registry, as far as the registry needs to know them: which one this is, which
 * are alive, and which one looks after the devices of a node that is gone. A single node is
 * {@link #SINGLE}; a cluster's comes from its engine (the camel-gb28181-cluster module has one on Hazelcast).
 */
public interface NodeMembership {

    /** This node's name, written into the devices it owns; null on a single node. */
    String localNode();

    /** Whether {@code node} is part of the cluster now. */
    boolean isAlive(String node);

    /** When this node learnt that {@code node} left, or null when it has not. */
    Instant goneSince(String node);

    /** Whether this node times out the devices whose owner is gone: exactly one node of a cluster says yes. */
    boolean isCaretaker();

    /** One node, owning every device. */
    NodeMembership SINGLE = new NodeMembership() {
        @Override
        public String localNode() {
            return null;
        }

        @Override
        public boolean isAlive(String node) {
            return false; // a device that names an owner was saved by a cluster that is not running here
        }

        @Override
        public Instant goneSince(String node) {
            return null;
        }

        @Override
        public boolean isCaretaker() {
            return true;
        }
    };
}

package io.github.gb28181.camel.sip.command;

import java.time.Duration;

/**
 * Waiters on the other nodes of a cluster. The device's Response to a query reaches the node the proxy in front
 * picks for the device (its owner, or the next node when the owner is dead or slow), not necessarily the node that
 * asked: the sender announces what it waits for here, and the receiver hands over an answer nobody waits for locally. The answer travels
 * as the MANSCDP document itself, so the engine behind this only moves bytes. A single node has {@link #NONE}.
 */
public interface RemoteWaiters {

    /** This node waits for the answer of {@code key} until {@code timeout}, and reads it when handed over. */
    void expect(String key, Duration timeout);

    /** This node no longer waits for {@code key}. */
    void forget(String key);

    /**
     * An answer that nobody on this node waits for.
     *
     * @return true when another node waits for it and it was handed over
     */
    boolean handOver(String key, byte[] document, boolean partial);

    /** Where answers handed over by other nodes go. */
    void onHandedOver(Receiver receiver);

    /** Receives answers other nodes handed over. */
    interface Receiver {
        void received(String key, byte[] document, boolean partial);
    }

    /** A single node: nobody else waits. */
    RemoteWaiters NONE = new RemoteWaiters() {
        @Override
        public void expect(String key, Duration timeout) {
        }

        @Override
        public void forget(String key) {
        }

        @Override
        public boolean handOver(String key, byte[] document, boolean partial) {
            return false;
        }

        @Override
        public void onHandedOver(Receiver receiver) {
        }
    };
}

package io.github.gb28181.camel.sip.transport;

/**
 * How much UDP work the SIP server lets wait for its workers, and how it sheds the rest. Waiting is what turns a
 * burst into a collapse: a request that waits longer than a device's retransmission interval (T1, 500 ms) arrives
 * again and is worked on twice. So the queues are short, the oldest work is dropped first, and new devices are told
 * to come back later before the devices already registered feel anything.
 *
 * @param queueSize           datagrams from senders the platform does not know (new REGISTERs, mostly) that may
 *                            wait for a worker: past half of it a REGISTER without credentials is answered 503 with
 *                            Retry-After, past all of it any request from an unknown sender is
 * @param priorityQueueSize   datagrams from registered devices (keepalives, re-REGISTERs, answers to our queries)
 *                            and responses to our requests that may wait; past it they are dropped, and devices
 *                            retransmit
 * @param maxQueueDelayMillis a datagram that waited longer than this is dropped unanswered, because its sender has
 *                            retransmitted it by then; new REGISTERs are shed once the oldest one waiting has waited
 *                            half as long
 * @param retryAfterSeconds   the shortest Retry-After a shed request is told; the longest grows with how many were
 *                            shed lately, so that their senders come back spread over the time it takes to serve them
 */
public record AdmissionSettings(int queueSize, int priorityQueueSize, long maxQueueDelayMillis, int retryAfterSeconds) {

    /** What the component uses unless told otherwise. */
    public static final AdmissionSettings DEFAULTS = new AdmissionSettings(1_000, 4_000, 500, 5);

    public AdmissionSettings {
        if (queueSize < 1 || priorityQueueSize < 1) {
            throw new IllegalArgumentException("Queue sizes must be at least 1");
        }
        if (maxQueueDelayMillis < 1) {
            throw new IllegalArgumentException("The longest queue delay must be positive");
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second");
        }
    }
}

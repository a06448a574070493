package io.github.gb28181.camel.sip.transport;

/**
 * How a SIP server protects itself under load, in both directions. In: how much UDP work may wait for its workers,
 * and how the rest is shed. Waiting is what turns a burst into a collapse: a request that waits longer than a
 * device's retransmission interval (T1, 500 ms) arrives again and is worked on twice. So the queues are short, work
 * that waited too long is dropped, and new devices are told to come back later before the devices already
 * registered feel anything. Out: how fast the requests a registration storm multiplies (queries, subscriptions)
 * are sent.
 *
 * @param queueSize           datagrams from senders the platform does not know (new REGISTERs, mostly) that may
 *                            wait for a worker: past half of it a REGISTER without credentials is answered 503 with
 *                            Retry-After, past all of it any request from an unknown sender is
 * @param priorityQueueSize   datagrams each of the two queues of registered devices may hold (what they say of
 *                            their own accord, served first; their answers to our queries and the responses to our
 *                            requests); past it they are dropped, and devices retransmit
 * @param maxQueueDelayMillis a datagram that waited longer than this is dropped unanswered, because its sender has
 *                            retransmitted it by then; new REGISTERs are shed once the oldest one waiting has waited
 *                            half as long
 * @param retryAfterSeconds   the shortest Retry-After a shed request is told; the longest grows with how many were
 *                            shed lately, so that their senders come back spread over the time it takes to serve them
 * @param queryRate           queries and subscriptions sent per second at most; 0 for no limit
 * @param maxQueriesInFlight  queries and subscriptions sent and not answered yet at most; 0 for no limit
 */
public record OverloadSettings(int queueSize, int priorityQueueSize, long maxQueueDelayMillis, int retryAfterSeconds,
                               int queryRate, int maxQueriesInFlight) {

    /** What the component uses unless told otherwise. */
    public static final OverloadSettings DEFAULTS = new OverloadSettings(1_000, 4_000, 500, 5, 5_000, 2_000);

    public OverloadSettings {
        if (queueSize < 1 || priorityQueueSize < 1) {
            throw new IllegalArgumentException("Queue sizes must be at least 1");
        }
        if (maxQueueDelayMillis < 1) {
            throw new IllegalArgumentException("The longest queue delay must be positive");
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second");
        }
        if (queryRate < 0 || maxQueriesInFlight < 0) {
            throw new IllegalArgumentException("The query rate and the queries in flight cannot be negative");
        }
    }
}

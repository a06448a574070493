package io.github.gb28181.camel.sip.transport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one SIP server refused or dropped since it started, so that input the platform does not act on is never lost
 * without a trace: requests answered with an error, by status; messages that did not parse, dropped or answered 400
 * by the stack; retransmissions absorbed by a transaction; responses no transaction was waiting for; TCP connections
 * closed because their stream could not be framed. Cheap to update from any thread; a monitoring integration reads
 * them.
 */
public final class SipCounters {

    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder unparsable = new LongAdder();
    private final LongAdder retransmissions = new LongAdder();
    private final LongAdder strayResponses = new LongAdder();
    private final LongAdder streamsClosed = new LongAdder();
    private final LongAdder branchCollisions = new LongAdder();
    private final LongAdder tcpRefused = new LongAdder();
    private final LongAdder tcpTimedOut = new LongAdder();
    /** Final answers by method (the ones devices send, then everything else) and status class (2xx to 6xx). */
    private final LongAdder[][] answered = new LongAdder[METHODS.size() + 1][5];

    /** The methods counted by name in {@link #answered(String, int)}; others count as "other". */
    public static final List<String> METHODS = List.of("REGISTER", "MESSAGE", "NOTIFY", "INVITE", "BYE", "INFO",
            "OPTIONS", "SUBSCRIBE");

    public SipCounters() {
        for (LongAdder[] row : answered) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new LongAdder();
            }
        }
    }

    /** A request was answered with a final status. */
    public void countAnswered(String method, int status) {
        if (status >= 200 && status < 700) {
            answered[methodIndex(method)][status / 100 - 2].increment();
        }
    }

    /**
     * Final answers to requests of {@code method} ("other" for methods not in {@link #METHODS}) in the status class
     * of {@code status} (200 counts all 2xx).
     */
    public long answered(String method, int statusClass) {
        return answered[methodIndex(method)][statusClass / 100 - 2].sum();
    }

    private static int methodIndex(String method) {
        int index = METHODS.indexOf(method);
        return index < 0 ? METHODS.size() : index;
    }

    /** A request was answered with a final status of 300 or more. */
    public void countRejected(int status) {
        rejected.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** A message did not parse. */
    public void countUnparsable() {
        unparsable.increment();
    }

    /** A retransmitted request found its transaction already there. */
    public void countRetransmission() {
        retransmissions.increment();
    }

    /** A response came that no client transaction was waiting for. */
    public void countStrayResponse() {
        strayResponses.increment();
    }

    /** A TCP connection was closed because its byte stream could not be framed into messages. */
    public void countStreamClosed() {
        streamsClosed.increment();
    }

    /** Requests answered with {@code status}. */
    public long rejected(int status) {
        LongAdder count = rejected.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Requests answered with an error, by status. */
    public Map<Integer, Long> rejections() {
        Map<Integer, Long> out = new TreeMap<>();
        rejected.forEach((status, count) -> out.put(status, count.sum()));
        return out;
    }

    /** Messages that did not parse: the stack answered 400 where it could tell where to, else dropped them. */
    public long unparsable() {
        return unparsable.sum();
    }

    public long retransmissions() {
        return retransmissions.sum();
    }

    public long strayResponses() {
        return strayResponses.sum();
    }

    /** A TCP connection beyond its address's limit was closed at once. */
    public void countTcpRefused() {
        tcpRefused.increment();
    }

    public long tcpRefused() {
        return tcpRefused.sum();
    }

    /** A TCP connection was closed for a message that took too long, or for idling without a device. */
    public void countTcpTimedOut() {
        tcpTimedOut.increment();
    }

    public long tcpTimedOut() {
        return tcpTimedOut.sum();
    }

    /** A request shared its transaction key with another one, and was answered statelessly. */
    public void countBranchCollision() {
        branchCollisions.increment();
    }

    public long branchCollisions() {
        return branchCollisions.sum();
    }

    public long streamsClosed() {
        return streamsClosed.sum();
    }

    @Override
    public String toString() {
        return "rejected " + rejections() + ", unparsable " + unparsable() + ", retransmissions " + retransmissions()
               + ", stray responses " + strayResponses() + ", TCP streams closed " + streamsClosed();
    }
}

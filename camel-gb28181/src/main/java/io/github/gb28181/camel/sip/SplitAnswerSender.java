package io.github.gb28181.camel.sip;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.aggregate.AnswerSplitter;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends an answer of ours that may be large (a Catalog or RecordInfo answer, a catalog NOTIFY) the way GB/T 28181-2022
 * Annex M asks: in parts sharing the query's SN, one at a time, each once the previous MESSAGE or NOTIFY got its 2xx;
 * over UDP in parts that keep every message within RFC 3261 18.1.1's 1300 bytes, over TCP when the peer is reached
 * by TCP, when the answer has more than 10 000 records, or when one record alone would not fit a UDP message. Who
 * the parts go to, and how a request is built, is the caller's: an upper platform's link, a device's dialog.
 */
public final class SplitAnswerSender {

    /** The transports a part can go over. */
    public static final String UDP = "UDP";
    public static final String TCP = "TCP";

    /**
     * What to send.
     *
     * @param bodies    the encoded parts, in order
     * @param transport UDP or TCP: the peer's own transport, unless the answer had to move to TCP
     */
    public record Plan(List<byte[]> bodies, String transport) {

        public Plan {
            bodies = List.copyOf(bodies);
        }

        public boolean tcp() {
            return TCP.equals(transport);
        }
    }

    private final ManscdpCodec codec;
    private final ScheduledExecutorService timer;
    private final long intervalMillis;

    /**
     * @param timer          where each next part is sent from: never the SIP thread that delivered the previous 2xx,
     *                       because a send may open a TCP connection
     * @param intervalMillis the least time between two parts' departures, to spare a slow peer; 0 for none
     */
    public SplitAnswerSender(ManscdpCodec codec, ScheduledExecutorService timer, long intervalMillis) {
        this.codec = codec;
        this.timer = timer;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Splits and encodes an answer for a peer reached over {@code transport}.
     *
     * @param udpHeaderBytes       what the request line and headers of one of the MESSAGEs take ({@link #headerBytes}):
     *                             a UDP part's body gets the rest of the 1300 bytes
     * @param recordsPerTcpMessage how many records a part carries over TCP (Annex M: several hundred is usual, at
     *                             most 10 000)
     */
    public Plan plan(ManscdpMessage answer, Charset charset, String transport, int udpHeaderBytes,
                     int recordsPerTcpMessage) {
        boolean overTcp = TCP.equalsIgnoreCase(transport);
        if (!(answer instanceof MultiPart<?> whole)) {
            byte[] body = codec.encode(answer, charset);
            return new Plan(List.of(body), overTcp || AnswerSplitter.needsTcp(0, udpHeaderBytes + body.length) ? TCP : UDP);
        }
        if (!overTcp) {
            int budget = Math.max(1, AnswerSplitter.UDP_MESSAGE_LIMIT - udpHeaderBytes);
            List<byte[]> bodies = encode(AnswerSplitter.splitToFit(whole, codec, charset, budget), charset);
            int largest = bodies.stream().mapToInt(b -> b.length).max().orElse(0);
            if (!AnswerSplitter.needsTcp(whole.getItems().size(), udpHeaderBytes + largest)) {
                return new Plan(bodies, UDP);
            }
        }
        return new Plan(encode(AnswerSplitter.split(whole, recordsPerTcpMessage), charset), TCP);
    }

    /**
     * Sends the parts one after the other; a part refused (3xx and above) or unanswered stops the rest, since the peer
     * is not taking them and its aggregation times out on what it has.
     *
     * @param  send sends one body over the plan's transport and completes with the final response
     * @return      completes with the number of parts once the last one got its 2xx, exceptionally when one failed
     */
    public CompletableFuture<Integer> send(Plan plan, BiFunction<byte[], String, CompletableFuture<Response>> send) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        next(plan, 0, send, done);
        return done;
    }

    /** The bytes of a request without its body: what each MESSAGE of a plan costs beside the body. */
    public static int headerBytes(Request request) {
        Request copy = (Request) request.clone();
        copy.removeContent();
        return copy.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private List<byte[]> encode(List<? extends MultiPart<?>> parts, Charset charset) {
        List<byte[]> bodies = new ArrayList<>(parts.size());
        for (MultiPart<?> part : parts) {
            bodies.add(codec.encode((ManscdpMessage) part, charset));
        }
        return bodies;
    }

    private void next(Plan plan, int index, BiFunction<byte[], String, CompletableFuture<Response>> send,
                      CompletableFuture<Integer> done) {
        if (index >= plan.bodies().size()) {
            done.complete(plan.bodies().size());
            return;
        }
        long sentAt = System.nanoTime();
        CompletableFuture<Response> answered;
        try {
            answered = send.apply(plan.bodies().get(index), plan.transport());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        answered.whenComplete((response, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (response.getStatusCode() >= 300) {
                done.completeExceptionally(new IllegalStateException("Part " + (index + 1) + " of "
                                                                     + plan.bodies().size() + " refused: "
                                                                     + response.getStatusCode() + " "
                                                                     + response.getReasonPhrase()));
            } else {
                long wait = intervalMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                timer.schedule(() -> next(plan, index + 1, send, done), Math.max(0, wait), TimeUnit.MILLISECONDS);
            }
        });
    }
}

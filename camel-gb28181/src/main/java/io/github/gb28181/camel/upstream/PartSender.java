package io.github.gb28181.camel.upstream;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.aggregate.AnswerSplitter;
import javax.sip.message.Response;

/**
 * Sends a document to an upper platform, a multi-part one (Catalog, RecordInfo) in parts as Annex M has it, paced
 * so that a slow upper platform is not flooded: each part waits for the previous part's answer, and for the
 * configured interval since it left. A part that is refused or unanswered stops the rest: the upper platform is not
 * listening, and its aggregation times out on what it has.
 */
final class PartSender {

    private final ManscdpCodec codec;
    private final ScheduledExecutorService timer;
    private final long intervalMillis;

    PartSender(ManscdpCodec codec, ScheduledExecutorService timer, long intervalMillis) {
        this.codec = codec;
        this.timer = timer;
        this.intervalMillis = intervalMillis;
    }

    /**
     * The document's bodies: one, or the parts of a multi-part document, at most {@code itemsPerMessage} items each,
     * or (0) as many as fit in {@code udpBodyBudget} bytes.
     */
    List<byte[]> bodies(ManscdpMessage document, Charset charset, int itemsPerMessage, int udpBodyBudget) {
        if (!(document instanceof MultiPart<?> whole)) {
            return List.of(codec.encode(document, charset));
        }
        List<? extends MultiPart<?>> parts = itemsPerMessage > 0
                ? AnswerSplitter.split(whole, itemsPerMessage)
                : AnswerSplitter.splitToFit(whole, codec, charset, udpBodyBudget);
        List<byte[]> bodies = new ArrayList<>(parts.size());
        for (MultiPart<?> part : parts) {
            bodies.add(codec.encode((ManscdpMessage) part, charset));
        }
        return bodies;
    }

    /**
     * Sends the bodies one after the other.
     *
     * @param  send sends one body and completes with the final answer
     * @return      completes when the last part was answered with 2xx, exceptionally when a part failed
     */
    CompletableFuture<Integer> send(List<byte[]> bodies, Function<byte[], CompletableFuture<Response>> send) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        next(bodies, 0, send, done);
        return done;
    }

    private void next(List<byte[]> bodies, int index, Function<byte[], CompletableFuture<Response>> send,
                      CompletableFuture<Integer> done) {
        if (index >= bodies.size()) {
            done.complete(bodies.size());
            return;
        }
        long sentAt = System.nanoTime();
        CompletableFuture<Response> answered;
        try {
            answered = send.apply(bodies.get(index));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        answered.whenComplete((response, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (response.getStatusCode() >= 300) {
                done.completeExceptionally(new IllegalStateException("part " + (index + 1) + " of " + bodies.size()
                                                                     + " refused: " + response.getStatusCode() + " "
                                                                     + response.getReasonPhrase()));
            } else {
                long wait = intervalMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                if (wait > 0) {
                    timer.schedule(() -> next(bodies, index + 1, send, done), wait, TimeUnit.MILLISECONDS);
                } else {
                    // off the SIP thread that delivered the answer: the next send may open a TCP connection
                    timer.execute(() -> next(bodies, index + 1, send, done));
                }
            }
        });
    }
}

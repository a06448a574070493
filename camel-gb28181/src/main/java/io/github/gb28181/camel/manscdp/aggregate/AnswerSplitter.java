package io.github.gb28181.camel.manscdp.aggregate;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.RootKind;

/**
 * The sending side of multi-part answers, as GB/T 28181-2022 Annex M has it: a Catalog or RecordInfo answer too big
 * for one MESSAGE goes out in parts that share the query's SN, each carrying the total in SumNum (a catalog
 * notification instead carries its own item count, Annex N.4.3.2), at most 10 000 records a part; an answer with
 * nothing in it is one part with SumNum 0 and no list. Whether the parts go over UDP or TCP is {@link #needsTcp}'s
 * answer. Sending the parts one at a time, each after the previous one's 200, is the sender's job.
 */
public final class AnswerSplitter {

    /** Annex M's cap on the records of one message. */
    public static final int MAX_RECORDS_PER_MESSAGE = 10_000;
    /** Annex M: above this many records, an answer should go over TCP. */
    public static final int TCP_RECORD_THRESHOLD = 10_000;
    /**
     * RFC 3261 18.1.1, which Annex M points to: with the path MTU unknown, a request larger than this many bytes
     * (headers and body) must go over a congestion-controlled transport.
     */
    public static final int UDP_MESSAGE_LIMIT = 1300;

    private AnswerSplitter() {
    }

    /**
     * Splits {@code whole} into parts of at most {@code recordsPerMessage} items.
     *
     * @throws IllegalArgumentException for a part size below 1 or above {@link #MAX_RECORDS_PER_MESSAGE}
     */
    public static <T> List<MultiPart<T>> split(MultiPart<T> whole, int recordsPerMessage) {
        if (recordsPerMessage < 1 || recordsPerMessage > MAX_RECORDS_PER_MESSAGE) {
            throw new IllegalArgumentException("Records per message must be 1 to " + MAX_RECORDS_PER_MESSAGE + ", not "
                                               + recordsPerMessage);
        }
        List<T> items = whole.getItems();
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += recordsPerMessage) {
            chunks.add(items.subList(from, Math.min(items.size(), from + recordsPerMessage)));
        }
        return parts(whole, chunks);
    }

    /**
     * Splits {@code whole} into as few parts as possible whose bodies, encoded in {@code charset}, fit in
     * {@code maxBodyBytes}: the budget left for the body of a UDP MESSAGE once its headers are counted. An item too
     * large to fit even alone is sent in a part of its own, which then needs TCP ({@link #needsTcp}).
     */
    public static <T> List<MultiPart<T>> splitToFit(
            MultiPart<T> whole, ManscdpCodec codec, Charset charset, int maxBodyBytes) {
        List<T> items = whole.getItems();
        int total = items.size();
        // each item's share of a body, measured once, so a part's size is estimated without encoding it item by item
        int empty = size(whole, List.of(), total, codec, charset);
        int[] share = new int[total];
        for (int i = 0; i < total; i++) {
            share[i] = size(whole, List.of(items.get(i)), total, codec, charset) - empty;
        }
        List<List<T>> chunks = new ArrayList<>();
        int from = 0;
        while (from < total) {
            int to = from;
            long estimate = empty;
            while (to < total && (to == from || fits(estimate + share[to], maxBodyBytes, to - from))) {
                estimate += share[to++];
            }
            // the estimate ignores the few bytes a longer Num attribute takes: the real encoding has the last word
            while (to - from > 1 && size(whole, items.subList(from, to), total, codec, charset) > maxBodyBytes) {
                to--;
            }
            chunks.add(items.subList(from, to));
            from = to;
        }
        return parts(whole, chunks);
    }

    /**
     * Whether an answer should go over TCP: more than {@link #TCP_RECORD_THRESHOLD} records in all (Annex M), or a
     * message (headers and body) above {@link #UDP_MESSAGE_LIMIT} bytes (RFC 3261 18.1.1).
     */
    public static boolean needsTcp(int totalRecords, int largestMessageBytes) {
        return totalRecords > TCP_RECORD_THRESHOLD || largestMessageBytes > UDP_MESSAGE_LIMIT;
    }

    private static <T> List<MultiPart<T>> parts(MultiPart<T> whole, List<List<T>> chunks) {
        int total = whole.getItems().size();
        boolean notification = whole instanceof ManscdpMessage m && m.getKind() == RootKind.NOTIFY;
        List<MultiPart<T>> parts = new ArrayList<>();
        if (chunks.isEmpty()) {
            MultiPart<T> empty = whole.withItems(List.of());
            empty.setSumNum(0);
            parts.add(empty);
            return parts;
        }
        for (List<T> chunk : chunks) {
            MultiPart<T> part = whole.withItems(new ArrayList<>(chunk));
            part.setSumNum(notification ? chunk.size() : total);
            parts.add(part);
        }
        return parts;
    }

    private static boolean fits(long bytes, int maxBodyBytes, int records) {
        return bytes <= maxBodyBytes && records < MAX_RECORDS_PER_MESSAGE;
    }

    private static <T> int size(MultiPart<T> whole, List<T> items, int total, ManscdpCodec codec, Charset charset) {
        MultiPart<T> trial = whole.withItems(items);
        trial.setSumNum(total);
        if (!(trial instanceof ManscdpMessage message)) {
            throw new IllegalArgumentException("Only MANSCDP documents can be measured, not " + trial.getClass());
        }
        return codec.encode(message, charset).length;
    }
}

package io.github.gb28181.camel.manscdp.aggregate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import java.util.List;

/**
 * The parts of one multi-part answer merged into one document.
 *
 * @param <T> the item type ({@code CatalogItem}, {@code RecordItem})
 */
public final class Aggregated<T> {

    private final AggregationKey key;
    private final ManscdpMessage message;
    private final List<T> items;
    private final Integer sumNum;
    private final int parts;
    private final boolean partial;

    Aggregated(AggregationKey key, ManscdpMessage message, List<T> items, Integer sumNum, int parts, boolean partial) {
        this.key = key;
        this.message = message;
        this.items = List.copyOf(items);
        this.sumNum = sumNum;
        this.parts = parts;
        this.partial = partial;
    }

    public AggregationKey getKey() {
        return key;
    }

    /**
     * A message of the type received (e.g. {@code CatalogResponse}) with the header of the first
     * part and every unique item, ready to be handed on as if the device had sent one document.
     */
    public ManscdpMessage getMessage() {
        return message;
    }

    /** The message cast to its type, for callers that know what they asked for. */
    public <M extends ManscdpMessage> M getMessage(Class<M> type) {
        return type.cast(message);
    }

    /** The unique items in arrival order; the same list the message carries, so left out of JSON. */
    @JsonIgnore
    public List<T> getItems() {
        return items;
    }

    /** SumNum as announced by the device, or {@code null} if it sent none. */
    public Integer getSumNum() {
        return sumNum;
    }

    /** How many MESSAGEs contributed, duplicates included. */
    public int getParts() {
        return parts;
    }

    /** True when the gap timeout expired before SumNum unique items arrived. */
    public boolean isPartial() {
        return partial;
    }

    @SuppressWarnings("unchecked")
    static <T> Aggregated<T> of(AggregationKey key, MultiPart<T> template, List<T> items, Integer sumNum, int parts,
            boolean partial) {
        ManscdpMessage merged = (ManscdpMessage) template.withItems(items);
        return new Aggregated<>(key, merged, items, sumNum, parts, partial);
    }

    @Override
    public String toString() {
        return "Aggregated{" + key + ", items=" + items.size() + "/" + sumNum + ", parts=" + parts
                + (partial ? ", partial" : "") + "}";
    }
}

package io.github.gb28181.camel.manscdp;

import java.util.List;

/**
 * A document whose item list may be split over several MESSAGEs (Catalog, RecordInfo), each part
 * carrying the total in SumNum. Implemented by the models the aggregator can merge.
 *
 * @param <T> the item type
 */
public interface MultiPart<T> {

    /** Total number of items across all parts; {@code null} if the device omitted it. */
    Integer getSumNum();

    void setSumNum(Integer sumNum);

    /** The items carried by this part. */
    List<T> getItems();

    /** Identity of an item for discarding retransmitted parts. */
    Object dedupKey(T item);

    /** A copy of this message's header and fields carrying {@code items} instead, used to present merged parts as one document. */
    MultiPart<T> withItems(List<T> items);
}

package io.github.gb28181.camel.media.receive;

import java.util.concurrent.atomic.LongAdder;

/**
 * The receiver's counters, written by the network and media threads.
 */
final class MediaCounters {

    final LongAdder packetsReceived = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder packetsInvalid = new LongAdder();
    final LongAdder packetsRtcp = new LongAdder();
    final LongAdder packetsFiltered = new LongAdder();
    final LongAdder packetsRejected = new LongAdder();
    final LongAdder packetsOverloaded = new LongAdder();
    final LongAdder packetsLost = new LongAdder();
    final LongAdder packetsDuplicate = new LongAdder();
    final LongAdder packetsLate = new LongAdder();
    final LongAdder framesDelivered = new LongAdder();
    final LongAdder framesDamaged = new LongAdder();
    final LongAdder framesOversized = new LongAdder();
    final LongAdder corruptions = new LongAdder();
    final LongAdder streamsOpened = new LongAdder();
    final LongAdder streamsExpired = new LongAdder();

    MediaStatistics snapshot(int streamsActive, long bytesPending) {
        return new MediaStatistics(packetsReceived.sum(), bytesReceived.sum(), packetsInvalid.sum(),
                packetsRtcp.sum(), packetsFiltered.sum(), packetsRejected.sum(), packetsOverloaded.sum(),
                packetsLost.sum(), packetsDuplicate.sum(), packetsLate.sum(), framesDelivered.sum(), framesDamaged.sum(),
                framesOversized.sum(), corruptions.sum(), streamsOpened.sum(), streamsExpired.sum(), streamsActive,
                bytesPending);
    }
}

package io.github.gb28181.camel.media.receive;

/**
 * Counters of a {@link MediaReceiver} since it was created, over all its streams.
 *
 * @param packetsReceived   RTP packets read from the network (valid or not)
 * @param bytesReceived     bytes of those packets
 * @param packetsInvalid    not RTP version 2, truncated, with lengths that do not add up, or with a sequence
 *                          number far outside the reorder window
 * @param packetsRtcp       RTCP multiplexed on the port, ignored
 * @param packetsFiltered   from an SSRC the ssrcs option excludes
 * @param packetsRejected   from a new SSRC when maxStreams streams were already open
 * @param packetsOverloaded dropped because maxPendingBytes were waiting for the media threads
 * @param packetsLost       missing from the sequence when the reorder window gave up on them
 * @param packetsDuplicate  received twice
 * @param packetsLate       arrived after their place had been given up (also counted lost)
 * @param framesDelivered   frames handed to the listener
 * @param framesDamaged     frames a loss or corruption touched (dropped unless damaged frames are kept)
 * @param framesOversized   frames dropped for exceeding maxFrameSize
 * @param corruptions       times the program stream parser met bytes that were not a valid element
 * @param streamsOpened     SSRCs seen
 * @param streamsExpired    streams closed after streamIdleTimeout without packets
 * @param streamsActive     streams open now
 * @param bytesPending      payload bytes read from the network and not yet taken by the media threads, now
 */
public record MediaStatistics(long packetsReceived, long bytesReceived, long packetsInvalid, long packetsRtcp,
        long packetsFiltered, long packetsRejected, long packetsOverloaded, long packetsLost, long packetsDuplicate,
        long packetsLate, long framesDelivered, long framesDamaged, long framesOversized, long corruptions,
        long streamsOpened, long streamsExpired, int streamsActive, long bytesPending) {
}

package io.github.gb28181.camel.media.receive;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.media.FrameOutput;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.es.EsFrameAssembler;
import io.github.gb28181.camel.media.ps.FrameAssembler;
import io.github.gb28181.camel.media.ps.PsDemuxer;
import io.github.gb28181.camel.media.ps.PsFrameAssembler;
import io.github.gb28181.camel.media.rtp.ReorderBuffer;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSRC's way from packets to frames: reorder, demultiplex, assemble, deliver. Confined to one thread; its memory
 * is bounded by the reorder depth, the largest program stream element (64 KiB) and the maximum frame size.
 */
public final class MediaStream implements ReorderBuffer.Sink, FrameOutput {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStream.class);

    private final long ssrc;
    private final boolean dropDamaged;
    private final MediaFrameListener listener;
    private final MediaSessionRegistry registry;
    private final MediaCounters counters;
    private final ReorderBuffer reorder;
    private final PsDemuxer demuxer;
    private final FrameAssembler assembler;

    private InetSocketAddress source;
    private long lostSeen;
    private long duplicatesSeen;
    private long lateSeen;
    private long outOfRangeSeen;
    private long corruptionsSeen;
    private long oversizedSeen;

    MediaStream(long ssrc, MediaReceiverConfig config, boolean ordered, MediaFrameListener listener,
                MediaCounters counters) {
        this.ssrc = ssrc;
        this.dropDamaged = config.dropDamagedFrames();
        this.listener = listener;
        this.registry = config.registry();
        this.counters = counters;
        // a TCP connection delivers in order: a gap there is a loss at the sender, nothing to wait for
        this.reorder = ordered ? new ReorderBuffer(1, 0, this)
                : new ReorderBuffer(config.reorderDepth(), TimeUnit.MILLISECONDS.toNanos(config.reorderLatencyMillis()),
                        this);
        this.assembler = config.mode() == MediaMode.ES ? new EsFrameAssembler(config.maxFrameSize(), this)
                : new PsFrameAssembler(config.maxFrameSize(), this);
        this.demuxer = new PsDemuxer(assembler, config.maxFrameSize());
    }

    /**
     * Builds a stream outside a receiver, for feeding packets by hand (tests, benchmarks, files).
     */
    public static MediaStream standalone(long ssrc, MediaReceiverConfig config, boolean ordered,
                                         MediaFrameListener listener) {
        return new MediaStream(ssrc, config, ordered, listener, new MediaCounters());
    }

    public long ssrc() {
        return ssrc;
    }

    /** Takes the next packet of this SSRC. */
    public void receive(RtpPacket packet) {
        source = packet.source();
        reorder.add(packet);
        syncCounters();
    }

    /**
     * Gives up on gaps that have waited the reorder latency.
     *
     * @return the next time ({@link System#nanoTime()}) to call again, or {@link ReorderBuffer#NO_DEADLINE}
     */
    public long poll(long now) {
        long next = reorder.poll(now);
        syncCounters();
        return next;
    }

    /** The stream has ended: releases what waits in the reorder window and emits the last frame. */
    public void finish() {
        reorder.flush();
        assembler.flush();
        syncCounters();
        try {
            listener.onStreamEnded(ssrc);
        } catch (RuntimeException e) {
            listener.onError("The frame listener failed at the end of SSRC " + Ssrc.format(ssrc), e);
        }
    }

    /** Whether packets wait in the reorder window, so a timer must give up on their gap some time. */
    public boolean waiting() {
        return reorder.held() > 0;
    }

    /** Payload bytes held by the reorder window. */
    public long heldBytes() {
        return reorder.heldBytes();
    }

    /** Lost packets so far. */
    public long lost() {
        return reorder.lost();
    }

    @Override
    public void onPacket(RtpPacket packet, boolean discontinuity) {
        byte[] payload = packet.payload();
        demuxer.feed(payload, 0, payload.length, packet.timestamp(), discontinuity);
    }

    @Override
    public void frame(byte[] payload, long pts, long dts, long rtpTimestamp, boolean keyFrame, MediaCodec codec,
                      MediaStreamType type, boolean damaged, int[] nalUnits) {
        if (damaged) {
            counters.framesDamaged.increment();
            if (dropDamaged) {
                LOG.debug("SSRC {}: dropped a damaged {} frame of {} bytes", ssrc, type, payload.length);
                return;
            }
        }
        MediaSessionInfo session = registry != null ? registry.lookup(ssrc) : null;
        MediaFrame frame = new MediaFrame(ssrc, rtpTimestamp, pts, dts, keyFrame, codec, type, payload, reorder.lost(),
                damaged, session, source, nalUnits);
        counters.framesDelivered.increment();
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            listener.onError("The frame listener failed on " + frame, e);
        }
    }

    // the reorder window and parser count with plain longs on this thread; the receiver's totals are shared adders
    private void syncCounters() {
        long v = reorder.lost();
        if (v != lostSeen) {
            counters.packetsLost.add(v - lostSeen);
            lostSeen = v;
        }
        v = reorder.duplicates();
        if (v != duplicatesSeen) {
            counters.packetsDuplicate.add(v - duplicatesSeen);
            duplicatesSeen = v;
        }
        v = reorder.late();
        if (v != lateSeen) {
            counters.packetsLate.add(v - lateSeen);
            lateSeen = v;
        }
        v = reorder.outOfRange();
        if (v != outOfRangeSeen) {
            counters.packetsInvalid.add(v - outOfRangeSeen);
            outOfRangeSeen = v;
        }
        v = demuxer.corruptions();
        if (v != corruptionsSeen) {
            counters.corruptions.add(v - corruptionsSeen);
            corruptionsSeen = v;
        }
        v = assembler.oversized();
        if (v != oversizedSeen) {
            counters.framesOversized.add(v - oversizedSeen);
            oversizedSeen = v;
        }
    }
}

package io.github.gb28181.camel.media.send;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.ps.PsMuxer;
import io.github.gb28181.camel.media.rtp.RtpPacketizer;

/**
 * What a sender keeps for one SSRC: the packet numbering, the muxer, and whether video must wait for a key frame.
 * Used under the sender's lock.
 */
final class OutgoingStream {

    private static final long MASK_32 = 0xFFFF_FFFFL;

    private final RtpPacketizer packetizer;
    private final boolean waitForKeyFrame;
    private PsMuxer muxer;
    private GrowableBuffer muxed;
    private boolean needKeyFrame = true;
    private int generation = Integer.MIN_VALUE;

    /** A frame's program stream and the RTP timestamp it goes with. */
    record Ps(byte[] bytes, int length, long rtpTimestamp) {
    }

    OutgoingStream(long ssrc, MediaSenderConfig config, int firstSequence) {
        this.packetizer = new RtpPacketizer(ssrc, config.payloadType(), firstSequence, config.maxPayload(),
                config.tcp());
        this.waitForKeyFrame = config.waitForKeyFrame();
    }

    RtpPacketizer packetizer() {
        return packetizer;
    }

    /**
     * Whether the frame may go now: video after a new connection, or after a frame was lost, waits for a key frame.
     *
     * @param connection which connection the frame would go on: a new one means the peer starts decoding afresh
     */
    boolean admit(OutgoingFrame frame, int connection) {
        if (connection != generation) {
            generation = connection;
            needKeyFrame = true;
        }
        if (!waitForKeyFrame || !frame.video()) {
            return true;
        }
        if (needKeyFrame && !frame.keyFrame()) {
            return false;
        }
        needKeyFrame = false;
        return true;
    }

    /** A frame was not sent: what follows cannot be decoded without it until the next key frame. */
    void lost() {
        needKeyFrame = true;
    }

    /** The frame's bytes as they go in RTP: a PS frame as it is, an ES frame muxed. */
    Ps programStream(OutgoingFrame frame) {
        long pts = frame.pts() >= 0 ? frame.pts() : -1;
        if (frame.format() == MediaMode.PS) {
            long timestamp = pts >= 0 ? pts : frame.rtpTimestamp() >= 0 ? frame.rtpTimestamp() : clock();
            return new Ps(frame.payload(), frame.payload().length, timestamp & MASK_32);
        }
        if (muxer == null) {
            muxer = new PsMuxer();
            muxed = new GrowableBuffer(64 * 1024);
        }
        if (pts < 0) {
            pts = clock();
        }
        muxed.clear();
        muxer.mux(frame.codec(), frame.payload(), 0, frame.payload().length, pts, frame.dts(), frame.keyFrame(),
                muxed);
        return new Ps(muxed.array(), muxed.size(), pts & MASK_32);
    }

    /** Now on a 90 kHz clock, for frames that carry no time of their own. */
    private static long clock() {
        return System.nanoTime() / 1000 * 9 / 100;
    }
}

package io.github.gb28181.camel.media;

import java.net.InetSocketAddress;

import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;

/**
 * One unit of media out of an RTP stream: a program-stream frame (PS mode), or a video access unit or an audio PES
 * payload (ES mode). The payload array is handed over to the listener and never touched by the receiver again.
 *
 * @param ssrc         the RTP synchronisation source, an unsigned 32-bit value
 * @param rtpTimestamp the RTP timestamp of the packet that carried the first byte of the frame
 * @param pts          the presentation time stamp (90 kHz, 33 bits) or {@link #NO_TIMESTAMP} when the sender did not
 *                     stamp this frame
 * @param dts          the decoding time stamp, or {@link #NO_TIMESTAMP} when absent (it then equals the PTS)
 * @param keyFrame     whether the frame holds an H.264 IDR or H.265 IRAP picture
 * @param codec        from the program stream map, else from the payload
 * @param streamType   VIDEO or AUDIO
 * @param payload      PS bytes (PS mode), an Annex B access unit with start codes (ES video), or the audio
 *                     elementary stream bytes (ES audio)
 * @param packetsLost  RTP packets of this SSRC lost so far
 * @param damaged      whether a loss or corrupt data touched this frame; such frames are only delivered when the
 *                     receiver is configured to keep them
 * @param session      the media session announced for this SSRC, or {@code null}
 * @param source       the address the frame's first packet came from
 * @param nalUnits     ES video: where each NAL unit's header is in the payload, in order, as the framer found them
 *                     (so that a muxer need not search the access unit again); {@code null} when not known
 */
public record MediaFrame(long ssrc, long rtpTimestamp, long pts, long dts, boolean keyFrame, MediaCodec codec,
        MediaStreamType streamType, byte[] payload, long packetsLost, boolean damaged, MediaSessionInfo session,
        InetSocketAddress source, int[] nalUnits) {

    /** Marks an absent PTS or DTS. */
    public static final long NO_TIMESTAMP = -1;

    /** A frame whose NAL units were not located. */
    public MediaFrame(long ssrc, long rtpTimestamp, long pts, long dts, boolean keyFrame, MediaCodec codec,
                      MediaStreamType streamType, byte[] payload, long packetsLost, boolean damaged,
                      MediaSessionInfo session, InetSocketAddress source) {
        this(ssrc, rtpTimestamp, pts, dts, keyFrame, codec, streamType, payload, packetsLost, damaged, session, source,
                null);
    }

    public boolean hasPts() {
        return pts != NO_TIMESTAMP;
    }

    @Override
    public String toString() {
        return "MediaFrame[ssrc=" + Ssrc.format(ssrc) + ", " + streamType + " " + codec + ", " + payload.length
               + " bytes, pts=" + pts + (keyFrame ? ", key" : "") + (damaged ? ", damaged" : "") + "]";
    }
}

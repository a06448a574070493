package io.github.gb28181.camel.media.send;

import java.util.Objects;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;

/**
 * One frame to send: program stream bytes, sent as they are, or an elementary-stream frame (an Annex B video access
 * unit, an AAC ADTS frame, G.711 samples), muxed into a program stream first.
 *
 * @param format       PS or ES
 * @param codec        what the frame holds; ES frames need it (PS frames may say UNKNOWN)
 * @param payload      the bytes; not copied, not changed, and not to be changed by the caller until send returns
 * @param pts          the presentation time stamp, 90 kHz, or {@link MediaFrame#NO_TIMESTAMP}: the sender then
 *                     stamps the frame from its clock
 * @param dts          the decoding time stamp, or {@link MediaFrame#NO_TIMESTAMP} when it equals the PTS
 * @param keyFrame     a video frame a decoder can start at
 * @param rtpTimestamp the RTP timestamp the frame arrived with, used when it has no PTS (a relayed PS frame), or
 *                     {@link MediaFrame#NO_TIMESTAMP}
 * @param ssrc         the SSRC to send it with, when the sender does not impose its own; else
 *                     {@link MediaSenderConfig#FRAME_SSRC}
 */
public record OutgoingFrame(MediaMode format, MediaCodec codec, byte[] payload, long pts, long dts, boolean keyFrame,
        long rtpTimestamp, long ssrc) {

    public OutgoingFrame {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(payload, "payload");
        codec = codec == null ? MediaCodec.UNKNOWN : codec;
    }

    /** A frame a receiver delivered, to relay: the receiver's mode says whether it is PS or ES. */
    public static OutgoingFrame of(MediaFrame frame, MediaMode mode) {
        return new OutgoingFrame(mode, frame.codec(), frame.payload(), frame.pts(), frame.dts(), frame.keyFrame(),
                frame.rtpTimestamp(), frame.ssrc());
    }

    /** Whether the frame holds pictures (a PS frame of unknown content counts as video). */
    public boolean video() {
        return codec.type() != MediaStreamType.AUDIO;
    }
}

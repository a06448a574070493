package io.github.gb28181.camel.media;

import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;

/**
 * Where the framers put what they assembled; the stream adds what only it knows (SSRC, losses, session).
 */
@FunctionalInterface
public interface FrameOutput {

    /**
     * @param payload  handed over, never touched again by the framer
     * @param pts      90 kHz, or {@link MediaFrame#NO_TIMESTAMP}
     * @param dts      90 kHz, or {@link MediaFrame#NO_TIMESTAMP}
     * @param damaged  a loss or corrupt data touched the frame
     * @param nalUnits where the NAL unit headers of an H.264/H.265 access unit are in the payload, or null
     */
    void frame(byte[] payload, long pts, long dts, long rtpTimestamp, boolean keyFrame, MediaCodec codec,
               MediaStreamType type, boolean damaged, int[] nalUnits);
}

package io.github.gb28181.camel.media.es;

import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * Cuts a whole H.264 or H.265 Annex B byte stream (a raw .h264 or .h265 file) into access units, the way the ES
 * framer cuts what arrives in PES.
 */
public final class AnnexB {

    /** One access unit: its bytes (start codes included) and whether a decoder can start at it. */
    public record Unit(byte[] data, boolean keyFrame) {
    }

    private AnnexB() {
    }

    public static List<Unit> accessUnits(byte[] stream, MediaCodec codec) {
        if (codec != MediaCodec.H264 && codec != MediaCodec.H265) {
            throw new IllegalArgumentException("Access units are cut from H.264 and H.265 only, not " + codec);
        }
        List<Unit> units = new ArrayList<>();
        AccessUnitAssembler assembler = new AccessUnitAssembler(codec, Math.max(stream.length, 1),
                (data, pts, dts, rtpTimestamp, keyFrame, damaged, nalUnits) -> units.add(new Unit(data, keyFrame)));
        assembler.append(stream, 0, stream.length, null, MediaFrame.NO_TIMESTAMP, MediaFrame.NO_TIMESTAMP, 0);
        assembler.flush();
        return units;
    }
}

package io.github.gb28181.camel.media.es;

import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.FrameOutput;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.codec.StartCodeList;
import io.github.gb28181.camel.media.ps.PsElement;

/**
 * Turns the PES packets of the video stream into access units, once the codec is known: from the program stream
 * map when there is one, else from the first NAL unit that gives it away. Until then payloads are held, up to the
 * maximum frame size; a stream that never tells is framed by PTS as a codec we cannot look into.
 */
final class VideoEsAssembler {

    private final int maxSize;
    private final FrameOutput output;
    private final List<Held> held = new ArrayList<>();
    private int heldBytes;

    private MediaCodec codec;
    private AccessUnitAssembler accessUnits;
    private PesUnitAssembler pesUnits;

    VideoEsAssembler(int maxSize, FrameOutput output) {
        this.maxSize = maxSize;
        this.output = output;
    }

    void append(PsElement e) {
        if (codec == null) {
            MediaCodec fromMap = e.streamType() >= 0 ? MediaCodec.fromStreamType(e.streamType()) : null;
            if (fromMap != null && fromMap.type() == MediaStreamType.VIDEO) {
                decide(fromMap);
            } else {
                MediaCodec sniffed = NalUnits.sniff(e.data(), e.payloadOffset(), e.payloadOffset() + e.payloadLength());
                if (sniffed != null) {
                    decide(sniffed);
                } else {
                    hold(e);
                    return;
                }
            }
        }
        feed(e.data(), e.payloadOffset(), e.payloadLength(), e.startCodes(), e.pts(), e.dts(), e.rtpTimestamp());
    }

    void discontinuity() {
        if (codec == null) {
            held.add(Held.GAP);
        } else if (accessUnits != null) {
            accessUnits.discontinuity();
        } else {
            pesUnits.discontinuity();
        }
    }

    void flush() {
        if (codec == null && !held.isEmpty()) {
            decide(MediaCodec.UNKNOWN);
        }
        if (accessUnits != null) {
            accessUnits.flush();
        } else if (pesUnits != null) {
            pesUnits.flush();
        }
    }

    /** The codec, or {@code null} while undecided. */
    MediaCodec codec() {
        return codec;
    }

    long oversized() {
        return (accessUnits != null ? accessUnits.oversized() : 0) + (pesUnits != null ? pesUnits.oversized() : 0);
    }

    private void hold(PsElement e) {
        byte[] copy = new byte[e.payloadLength()];
        System.arraycopy(e.data(), e.payloadOffset(), copy, 0, copy.length);
        held.add(new Held(copy, e.pts(), e.dts(), e.rtpTimestamp()));
        heldBytes += copy.length;
        if (heldBytes > maxSize) {
            decide(MediaCodec.UNKNOWN);
        }
    }

    private void decide(MediaCodec decided) {
        codec = decided;
        AccessUnitAssembler.Output out = (data, pts, dts, rtpTimestamp, keyFrame, damaged, nalUnits) -> output.frame(
                data, pts, dts, rtpTimestamp, keyFrame, codec, MediaStreamType.VIDEO, damaged, nalUnits);
        if (decided == MediaCodec.H264 || decided == MediaCodec.H265) {
            accessUnits = new AccessUnitAssembler(decided, maxSize, out);
        } else {
            pesUnits = new PesUnitAssembler(maxSize, out);
        }
        List<Held> replay = new ArrayList<>(held);
        held.clear();
        heldBytes = 0;
        for (Held h : replay) {
            if (h == Held.GAP) {
                discontinuity();
            } else {
                feed(h.data, 0, h.data.length, null, h.pts, h.dts, h.rtpTimestamp);
            }
        }
    }

    private void feed(byte[] d, int offset, int length, StartCodeList startCodes, long pts, long dts,
                      long rtpTimestamp) {
        if (accessUnits != null) {
            accessUnits.append(d, offset, length, startCodes, pts, dts, rtpTimestamp);
        } else {
            pesUnits.append(d, offset, length, pts, dts, rtpTimestamp);
        }
    }

    private record Held(byte[] data, long pts, long dts, long rtpTimestamp) {
        static final Held GAP = new Held(new byte[0], 0, 0, 0);
    }
}

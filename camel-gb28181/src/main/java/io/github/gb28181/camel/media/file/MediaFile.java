package io.github.gb28181.camel.media.file;

import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.es.AnnexB;
import io.github.gb28181.camel.media.ps.PsDemuxer;
import io.github.gb28181.camel.media.ps.PsFrameAssembler;

/**
 * A recorded stream as frames to send, each with its time: a program stream (what a camera records, or ffmpeg
 * writes with {@code -f mpeg}) as its PS frames with the PTS it carries, or a raw H.264 or H.265 file as its access
 * units, timed at a frame rate. What a device played by a route streams into a session.
 */
public final class MediaFile {

    private static final long CLOCK = 90_000;

    /**
     * One frame.
     *
     * @param payload  its bytes: PS, or an Annex B access unit
     * @param format   PS or ES
     * @param codec    what it holds (PS frames: the video codec the stream map names, or UNKNOWN)
     * @param pts      90 kHz, from 0
     * @param keyFrame whether a decoder can start at it
     */
    public record Frame(byte[] payload, MediaMode format, MediaCodec codec, long pts, boolean keyFrame) {
    }

    private MediaFile() {
    }

    /**
     * @param fps the frame rate of a raw H.264 or H.265 file (a program stream carries its own times)
     * @throws IllegalArgumentException when the bytes are neither a program stream nor H.264 or H.265
     */
    public static List<Frame> frames(byte[] bytes, double fps) {
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && (bytes[3] & 0xFF) == 0xBA) {
            return programStream(bytes);
        }
        MediaCodec codec = NalUnits.sniff(bytes, 0, bytes.length);
        if (codec != MediaCodec.H264 && codec != MediaCodec.H265) {
            throw new IllegalArgumentException("Neither a program stream nor H.264 or H.265 Annex B");
        }
        if (fps <= 0) {
            throw new IllegalArgumentException("A frame rate is needed to time a raw " + codec + " file");
        }
        List<Frame> frames = new ArrayList<>();
        for (AnnexB.Unit unit : AnnexB.accessUnits(bytes, codec)) {
            frames.add(new Frame(unit.data(), MediaMode.ES, codec, Math.round(frames.size() * CLOCK / fps),
                    unit.keyFrame()));
        }
        return frames;
    }

    private static List<Frame> programStream(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        long[] first = { MediaFrame.NO_TIMESTAMP };
        PsFrameAssembler assembler = new PsFrameAssembler(Math.max(bytes.length, 1),
                (payload, pts, dts, rtpTimestamp, keyFrame, codec, type, damaged, nalUnits) -> {
                    if (first[0] == MediaFrame.NO_TIMESTAMP && pts != MediaFrame.NO_TIMESTAMP) {
                        first[0] = pts;
                    }
                    long at = pts == MediaFrame.NO_TIMESTAMP || first[0] == MediaFrame.NO_TIMESTAMP ? 0
                            : pts - first[0];
                    frames.add(new Frame(payload, MediaMode.PS, type == MediaStreamType.VIDEO ? codec
                            : MediaCodec.UNKNOWN, at, keyFrame));
                });
        PsDemuxer demuxer = new PsDemuxer(assembler, bytes.length);
        demuxer.feed(bytes, 0, bytes.length, 0, false);
        assembler.flush();
        return frames;
    }
}

package io.github.gb28181.camel.media.mp4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.InMemory;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.Samples;

/**
 * Media samples turned into fragmented MP4 the way the consumer does it: RTP through the receiver's ES pipeline,
 * then the muxer.
 */
public final class Mp4Files {

    private Mp4Files() {
    }

    /** The frames of a committed PS sample, sent as a camera would (one pack per packet group). */
    public static List<MediaFrame> framesOfSample(String sample) {
        byte[] ps = Samples.bytes(sample);
        return InMemory.run(Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), 1, 0), InMemory.config(MediaMode.ES));
    }

    /** The frames of a camera-style PS made from an Annex B sample, with G.711 A-law when {@code g711}. */
    public static List<MediaFrame> framesOfCamera(String annexB, boolean h265, boolean g711, boolean onePackPerNal) {
        List<byte[]> units = CameraPsMuxer.accessUnits(Samples.bytes(annexB), h265);
        byte[] audio = g711 ? Samples.bytes(Samples.G711A) : null;
        List<CameraPsMuxer.Unit> muxed = new CameraPsMuxer(h265, onePackPerNal, audio, 60000).mux(units);
        return InMemory.run(Packetizer.rtp(Packetizer.perFrame(muxed, 1400), 2, 0), InMemory.config(MediaMode.ES));
    }

    /** Every segment the muxer made of the frames. */
    public static List<Fmp4Segment> mux(List<MediaFrame> frames, Fmp4Settings settings) {
        List<Fmp4Segment> segments = new ArrayList<>();
        Fmp4Muxer muxer = new Fmp4Muxer(settings, "test", segments::add);
        frames.forEach(muxer::frame);
        muxer.finish();
        return segments;
    }

    public static byte[] concatenate(List<Fmp4Segment> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segments.forEach(s -> out.writeBytes(s.data()));
        return out.toByteArray();
    }

    public static Path write(Path dir, String name, List<Fmp4Segment> segments) {
        try {
            return Files.write(dir.resolve(name), concatenate(segments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

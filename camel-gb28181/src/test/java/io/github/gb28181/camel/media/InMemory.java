package io.github.gb28181.camel.media;

import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStream;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Runs datagrams through one stream's pipeline without a network, with a clock the test controls.
 */
public final class InMemory {

    private InMemory() {
    }

    public static List<MediaFrame> run(List<byte[]> datagrams, MediaReceiverConfig config) {
        return run(datagrams, config, new long[1]);
    }

    /** @param lost receives the packets the stream counted lost */
    public static List<MediaFrame> run(List<byte[]> datagrams, MediaReceiverConfig config, long[] lost) {
        List<MediaFrame> frames = new ArrayList<>();
        MediaStream stream = null;
        long now = 0;
        for (byte[] d : datagrams) {
            ByteBuf buf = Unpooled.wrappedBuffer(d);
            RtpPacket p = RtpParser.parse(buf, null, now);
            buf.release();
            if (p == null) {
                continue;
            }
            if (stream == null) {
                stream = MediaStream.standalone(p.ssrc(), config, false, frames::add);
            }
            stream.receive(p);
            now += 100_000; // 0.1 ms between packets
            stream.poll(now);
        }
        if (stream != null) {
            stream.poll(now + 10_000_000_000L);
            stream.finish();
            lost[0] = stream.lost();
        }
        return frames;
    }

    public static MediaReceiverConfig config(MediaMode mode) {
        return MediaReceiverConfig.builder().mode(mode).build();
    }
}

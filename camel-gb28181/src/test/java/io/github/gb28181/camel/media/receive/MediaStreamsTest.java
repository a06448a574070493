package io.github.gb28181.camel.media.receive;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.media.FrameCollector;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-off from the network thread to the media workers: what one read gave goes to each worker as one task,
 * in the order it was read, and counts as pending from the moment it was read.
 */
class MediaStreamsTest {

    @Test
    void aReadsPacketsReachTheirWorkerAsOneTaskInOrder() throws Exception {
        MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, false);
        List<byte[]> first = camera.rtp(1);
        List<byte[]> second = camera.rtp(2);
        FrameCollector frames = new FrameCollector();
        MediaReceiverConfig config = MediaReceiverConfig.builder().mode(MediaMode.PS).build();
        try (MediaEventLoops loops = MediaEventLoops.create(1, 1)) {
            MediaCounters counters = new MediaCounters();
            MediaStreams streams = new MediaStreams(config, loops, frames, counters, false);
            SingleThreadEventExecutor worker = (SingleThreadEventExecutor) loops.workers().next();
            CountDownLatch release = new CountDownLatch(1);
            worker.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.pendingTasks() == 0);

            MediaStreams.Batcher batcher = streams.batcher();
            long bytes = 0;
            for (int i = 0; i < first.size(); i++) {
                bytes += dispatch(streams, batcher, first.get(i)) + dispatch(streams, batcher, second.get(i));
            }
            assertThat(worker.pendingTasks()).as("nothing handed over before the read ends").isZero();
            assertThat(streams.pendingBytes()).isEqualTo(bytes);

            batcher.flush();
            assertThat(worker.pendingTasks()).as("one task for the whole read").isEqualTo(1);
            batcher.flush();
            assertThat(worker.pendingTasks()).as("an empty flush hands nothing over").isEqualTo(1);

            release.countDown();
            // the last frame of each stream waits for the stream to end
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> frames.count(1) == camera.psFrames() - 1 && frames.count(2) == camera.psFrames() - 1);
            assertThat(streams.pendingBytes()).isZero();
            streams.close();
        }
        byte[] expected = Arrays.copyOf(camera.ps(), frames.concatenated(1).length);
        assertThat(frames.concatenated(1)).isEqualTo(expected);
        assertThat(frames.concatenated(2)).isEqualTo(expected);
    }

    private static long dispatch(MediaStreams streams, MediaStreams.Batcher batcher, byte[] datagram) {
        ByteBuf buf = Unpooled.wrappedBuffer(datagram);
        RtpPacket packet = RtpParser.parse(buf, null, System.nanoTime());
        buf.release();
        streams.dispatch(packet, batcher);
        return packet.payload().length;
    }
}

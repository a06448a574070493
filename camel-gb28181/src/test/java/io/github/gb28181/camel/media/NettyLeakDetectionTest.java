package io.github.gb28181.camel.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check the media tests rely on does catch a leak. */
class NettyLeakDetectionTest {

    @Test
    void seesALeakedBuffer() {
        NettyLeakDetection.collect();
        leak();
        assertThat(NettyLeakDetection.collect()).hasSize(1).allMatch(s -> s.contains("ByteBuf leaked"));
    }

    private static void leak() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(42);
    }
}

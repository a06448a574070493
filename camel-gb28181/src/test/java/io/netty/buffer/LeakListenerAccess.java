package io.netty.buffer;

import io.netty.util.ResourceLeakDetector;

/**
 * Reaches the ByteBuf leak detector, which Netty keeps package-private, to be told of every leak it reports.
 * Test code only.
 */
public final class LeakListenerAccess {

    private LeakListenerAccess() {
    }

    public static void listen(ResourceLeakDetector.LeakListener listener) {
        AbstractByteBuf.leakDetector.setLeakListener(listener);
    }
}

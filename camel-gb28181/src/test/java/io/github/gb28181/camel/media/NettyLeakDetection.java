package io.github.gb28181.camel.media;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.LeakListenerAccess;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * Fails a test when Netty reports a ByteBuf leak. Surefire runs with leak detection PARANOID, so every buffer is
 * tracked; after each test a garbage collection makes lost buffers collectable and a few allocations make the
 * detector report them.
 */
public final class NettyLeakDetection implements BeforeAllCallback, AfterEachCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        LeakListenerAccess.listen((type, records) -> LEAKS.add(type + " leaked" + records));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("Run the media tests with -Dio.netty.leakDetection.level=paranoid");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = collect();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " ByteBuf leak(s):\n" + String.join("\n", leaks));
        }
    }

    /** Makes the detector report what was lost since the last call, and returns it. */
    public static List<String> collect() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return queue.poll() != null;
        });
        for (int i = 0; i < 16; i++) {
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
            probe.release();
        }
        sentinel.clear();
        List<String> found = new ArrayList<>(LEAKS);
        LEAKS.clear();
        return found;
    }
}

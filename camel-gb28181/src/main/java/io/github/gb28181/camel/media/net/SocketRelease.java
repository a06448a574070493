package io.github.gb28181.camel.media.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

/**
 * Waits until a closed listening socket has really let go of its port.
 * <p>
 * A JDK channel registered with a selector keeps its file descriptor, and so its port, until the selector next
 * runs, after {@code close()} has returned; a route restarted at once would fail to bind. So after closing, this
 * wakes the event loops (their next select releases the descriptor) and checks, by binding the address itself for
 * an instant, that the port can be bound again. It gives up after two seconds: the port may be taken by someone
 * else, which is not for a stop to wait on.
 */
final class SocketRelease {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

    private SocketRelease() {
    }

    static void awaitFree(EventLoopGroup group, InetSocketAddress address, boolean tcp) {
        if (address == null) {
            return;
        }
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!canBind(address, tcp) && System.nanoTime() < deadline) {
            for (EventExecutor loop : group) {
                if (!loop.isShuttingDown()) {
                    loop.execute(() -> {
                    });
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static boolean canBind(InetSocketAddress address, boolean tcp) {
        try {
            if (tcp) {
                try (ServerSocket probe = new ServerSocket()) {
                    // connections of the old listener may sit in TIME_WAIT; our own listener binds the same way
                    probe.setReuseAddress(true);
                    probe.bind(address);
                }
            } else {
                try (DatagramSocket probe = new DatagramSocket(null)) {
                    probe.setReuseAddress(false);
                    probe.bind(address);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

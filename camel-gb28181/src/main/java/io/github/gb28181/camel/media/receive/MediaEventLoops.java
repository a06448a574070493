package io.github.gb28181.camel.media.receive;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The threads of one or more receivers: Netty event loops that read sockets and parse RTP headers, and media
 * workers that reorder, frame and deliver. Each SSRC is pinned to one worker, so its frames come out in order while
 * different streams use every core.
 */
public final class MediaEventLoops implements AutoCloseable {

    private final EventLoopGroup io;
    private final EventExecutorGroup workers;

    private MediaEventLoops(EventLoopGroup io, EventExecutorGroup workers) {
        this.io = io;
        this.workers = workers;
    }

    /**
     * Loops on Netty's own daemon threads, for use without Camel.
     *
     * @param ioThreads     socket threads; a UDP port is read by one thread whatever this says
     * @param workerThreads media threads; 0 takes the number of processors
     */
    public static MediaEventLoops create(int ioThreads, int workerThreads) {
        return create(ioThreads, workerThreads, new DefaultThreadFactory("gb28181-rtp-io", true),
                new DefaultThreadFactory("gb28181-rtp-media", true));
    }

    /**
     * Loops on threads the caller makes (the component: Camel-named ones). Netty runs fastest on its
     * FastThreadLocalThreads, which a factory extending Netty's DefaultThreadFactory gives.
     */
    public static MediaEventLoops create(int ioThreads, int workerThreads, ThreadFactory ioThreadFactory,
                                         ThreadFactory workerThreadFactory) {
        int workers = workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
        return new MediaEventLoops(new NioEventLoopGroup(Math.max(1, ioThreads), ioThreadFactory),
                new DefaultEventExecutorGroup(workers, workerThreadFactory));
    }

    public EventLoopGroup io() {
        return io;
    }

    public EventExecutorGroup workers() {
        return workers;
    }

    /** Stops the threads without the default two-second quiet period, waiting for them to end. */
    @Override
    public void close() {
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;

/**
 * A bound or connected socket feeding a receiver.
 */
public interface MediaChannel {

    /** Binds or connects; returns once the port is bound (or, for an outgoing connection, once it was tried). */
    void start() throws Exception;

    /** Closes every socket and waits until they are closed, so the port is free on return. */
    void stop();

    /** The local address, once started. */
    InetSocketAddress localAddress();
}

package io.github.gb28181.camel.sip.transport;

import java.util.Set;

/**
 * Where and how a {@link SipServer} listens.
 *
 * @param host              listen address
 * @param port              listen port, shared by UDP and TCP
 * @param transports        "UDP" and/or "TCP"
 * @param advertisedAddress the address written into Via and Contact, or null to derive it from host
 * @param maxMessageSize    the largest message accepted over TCP, in bytes
 * @param threadPoolSize    jain-sip worker threads
 * @param tcpLimits         what a TCP connection opened to the server may cost
 * @param overload          how much UDP work may wait for the workers, how the rest is shed, and how fast queries go
 */
public record SipServerSettings(
        String host, int port, Set<String> transports, String advertisedAddress, int maxMessageSize,
        int threadPoolSize, TcpLimits tcpLimits, OverloadSettings overload) {

    /** With the default TCP limits and overload control. */
    public SipServerSettings(String host, int port, Set<String> transports, String advertisedAddress,
                             int maxMessageSize, int threadPoolSize) {
        this(host, port, transports, advertisedAddress, maxMessageSize, threadPoolSize, TcpLimits.DEFAULT,
                OverloadSettings.DEFAULTS);
    }

    public String key() {
        return host + ":" + port;
    }
}

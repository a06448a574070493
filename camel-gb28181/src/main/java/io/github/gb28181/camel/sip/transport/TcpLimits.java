package io.github.gb28181.camel.sip.transport;

/**
 * What a TCP connection that a device (or anyone) opens to the SIP server may cost: slow or idle connections hold a
 * file descriptor each, and without limits 3,000 of them stayed open forever.
 *
 * @param messageTimeoutMillis     from the first byte of a message to its last, headers and body: a connection whose
 *                                 message takes longer is closed (slow headers, "slowloris")
 * @param idleTimeoutMillis        a connection on which no device has been accepted (no REGISTER, MESSAGE or NOTIFY
 *                                 answered 2xx) is closed after this long without a byte; a device's connection is not
 *                                 (devices keep theirs open between keepalives)
 * @param maxConnectionsPerAddress connections one IP address may hold at once; more are closed at once (cameras of
 *                                 one site behind one NAT share an address: raise it for large sites over TCP)
 */
public record TcpLimits(long messageTimeoutMillis, long idleTimeoutMillis, int maxConnectionsPerAddress) {

    public static final TcpLimits DEFAULT = new TcpLimits(10_000, 60_000, 256);
}

package io.github.gb28181.camel.media.send;

/**
 * What a {@link MediaSender} counted since it started.
 *
 * @param framesSent    frames handed to the socket
 * @param framesDropped frames not sent: no peer connected yet, the peer not reading, or video waiting for a key frame
 * @param packetsSent   RTP packets handed to the socket
 * @param bytesSent     bytes handed to the socket: RTP headers, RFC 4571 lengths and payloads
 * @param connections   TCP connections made or accepted (1 for UDP once bound)
 * @param streams       SSRCs being numbered now
 */
public record SenderStatistics(long framesSent, long framesDropped, long packetsSent, long bytesSent,
        long connections, int streams) {
}

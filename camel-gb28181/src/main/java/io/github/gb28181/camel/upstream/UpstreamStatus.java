package io.github.gb28181.camel.upstream;

/**
 * Where we stand with an upper platform: the body of the UPSTREAM_ONLINE and UPSTREAM_OFFLINE events.
 *
 * @param name      the upper platform's configured name
 * @param serverId  its id
 * @param address   its host:port
 * @param transport UDP or TCP
 * @param localId   our id towards it
 * @param online    whether we are registered
 * @param expires   the registration lifetime it granted, in seconds (0 when offline)
 * @param reason    why we went offline (a refused or unanswered REGISTER, keepalives unanswered, stopped), or null
 */
public record UpstreamStatus(String name, String serverId, String address, String transport, String localId,
        boolean online, int expires, String reason) {
}

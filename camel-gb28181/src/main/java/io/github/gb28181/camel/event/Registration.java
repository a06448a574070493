package io.github.gb28181.camel.event;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Body of REGISTER and UNREGISTER events.
 *
 * @param deviceId      the registering device
 * @param username      the digest username it authenticated with (may differ from the device id), or null
 * @param remoteAddress the address the request came from, host:port
 * @param transport     UDP or TCP
 * @param expires       the registration lifetime in seconds, 0 when unregistering
 * @param contact       the device's Contact URI
 * @param userAgent     the device's User-Agent, or null
 * @param gbVersion     the GB/T 28181 revision the device announced in X-GB-Ver, as m.n (3.0 for 2022), or null for
 *                      none
 * @param refresh       true when this renews a registration that had not expired
 * @param at            when the platform accepted it
 */
public record Registration(
        String deviceId, String username, String remoteAddress, String transport, int expires, String contact,
        String userAgent, String gbVersion, boolean refresh,
        @JsonSerialize(using = ToStringSerializer.class) Instant at) {
}

package io.github.gb28181.camel.event;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Body of ONLINE and OFFLINE events.
 *
 * @param deviceId the device
 * @param online   its new state
 * @param reason   why: REGISTERED, KEEPALIVE, KEEPALIVE_TIMEOUT, REGISTRATION_EXPIRED, UNREGISTERED
 * @param at       when the platform noticed
 */
public record Presence(String deviceId, boolean online, String reason,
                       @JsonSerialize(using = ToStringSerializer.class) Instant at) {
}

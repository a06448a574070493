package io.github.gb28181.example.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A device event as the platform publishes it: to the JMS topic, the alarm queue, the webhook, {@code /api/events}
 * and the web page's live log. The component's headers (event type, device, channel) are inside the JSON, because
 * JMS drops {@code Camel*} headers and a webhook has none.
 *
 * @param id            increasing number, so a page that reconnects can skip what it already has
 * @param at            when the platform received it
 * @param type          the component's event type: REGISTER, ONLINE, KEEPALIVE, CATALOG, ALARM ...
 * @param deviceId      the device
 * @param channelId     the channel it concerns, if any
 * @param remoteAddress where the device was, host:port
 * @param body          the component's event body (Registration, Presence, AlarmNotify ...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformEvent(
        long id, Instant at, String type, String deviceId, String channelId, String remoteAddress, Object body) {
}

package io.github.gb28181.camel.event;

import java.util.Objects;

/**
 * One thing a device did, as the protocol layer reports it.
 *
 * @param type          what happened
 * @param deviceId      the device it happened to
 * @param channelId     the channel it concerns, or null
 * @param sn            the MANSCDP SN, or null when the event is not a MANSCDP document
 * @param cmdType       the MANSCDP CmdType as the device spelled it, or null
 * @param body          the payload: {@link Registration}, {@link Presence} or a MANSCDP document
 * @param remoteAddress where the device is reachable, host:port
 * @param transport     UDP or TCP
 * @param callId        the SIP Call-ID that carried it, or null
 * @param partial       true when a multi-message answer was cut short by the gap timeout
 */
public record DeviceEvent(
        EventType type, String deviceId, String channelId, Integer sn, String cmdType, Object body,
        String remoteAddress, String transport, String callId, boolean partial) {

    public DeviceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}

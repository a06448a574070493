package io.github.gb28181.camel.event;

import java.util.Objects;

/**
 * One thing a device did, as the protocol layer reports it. Build one with {@link #builder(EventType, String)}: an
 * event names only what it has.
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

    /** An event of this type about this device; everything else is optional. */
    public static Builder builder(EventType type, String deviceId) {
        return new Builder(type, deviceId);
    }

    /** Collects what an event has, for {@link DeviceEvent}'s ten fields. */
    public static final class Builder {
        private final EventType type;
        private final String deviceId;
        private String channelId;
        private Integer sn;
        private String cmdType;
        private Object body;
        private String remoteAddress;
        private String transport;
        private String callId;
        private boolean partial;

        private Builder(EventType type, String deviceId) {
            this.type = type;
            this.deviceId = deviceId;
        }

        public Builder channelId(String channelId) {
            this.channelId = channelId;
            return this;
        }

        /** The MANSCDP document's SN and CmdType, when the event is one. */
        public Builder document(Integer sn, String cmdType) {
            this.sn = sn;
            this.cmdType = cmdType;
            return this;
        }

        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        /** Where the device is reachable: host:port, and UDP or TCP. */
        public Builder reachableAt(String remoteAddress, String transport) {
            this.remoteAddress = remoteAddress;
            this.transport = transport;
            return this;
        }

        public Builder callId(String callId) {
            this.callId = callId;
            return this;
        }

        public Builder partial(boolean partial) {
            this.partial = partial;
            return this;
        }

        public DeviceEvent build() {
            return new DeviceEvent(type, deviceId, channelId, sn, cmdType, body, remoteAddress, transport, callId,
                    partial);
        }
    }
}

package io.github.gb28181.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers set and read by the gb28181 component.
 */
public final class Gb28181Constants {

    @Metadata(label = "consumer", description = "The event type, for example REGISTER, KEEPALIVE, CATALOG, ALARM.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelGb28181EventType";
    @Metadata(description = "The 20-digit GB28181 id of the device the event came from or the command goes to.",
              javaType = "String")
    public static final String DEVICE_ID = "CamelGb28181DeviceId";
    @Metadata(description = "The 20-digit id of the channel (camera, alarm input) the event or command concerns.",
              javaType = "String")
    public static final String CHANNEL_ID = "CamelGb28181ChannelId";
    @Metadata(description = "The MANSCDP serial number (SN) of the message.", javaType = "Integer")
    public static final String SN = "CamelGb28181Sn";
    @Metadata(label = "consumer", description = "The MANSCDP CmdType of the message, as the device spelled it.",
              javaType = "String")
    public static final String CMD_TYPE = "CamelGb28181CmdType";
    @Metadata(label = "consumer", description = "The address the device is reachable at, as host:port.",
              javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RemoteAddress";
    @Metadata(label = "consumer", description = "The SIP transport the device uses: UDP or TCP.", javaType = "String")
    public static final String TRANSPORT = "CamelGb28181Transport";
    @Metadata(label = "consumer", description = "True when a multi-message answer (Catalog, RecordInfo) was emitted"
                                                + " after the gap timeout without all SumNum items.",
              javaType = "Boolean")
    public static final String PARTIAL = "CamelGb28181Partial";
    @Metadata(label = "consumer", description = "The SIP Call-ID of the request that carried the event.",
              javaType = "String")
    public static final String CALL_ID = "CamelGb28181CallId";

    private Gb28181Constants() {
    }
}

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
    @Metadata(description = "The MANSCDP serial number (SN) of the message: of the event, or of the query a producer"
                            + " sent.", javaType = "Integer")
    public static final String SN = "CamelGb28181Sn";
    @Metadata(label = "consumer", description = "The MANSCDP CmdType of the message, as the device spelled it.",
              javaType = "String")
    public static final String CMD_TYPE = "CamelGb28181CmdType";
    @Metadata(label = "consumer", description = "The address the device is reachable at, as host:port.",
              javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RemoteAddress";
    @Metadata(label = "consumer", description = "The SIP transport the device uses: UDP or TCP.", javaType = "String")
    public static final String TRANSPORT = "CamelGb28181Transport";
    @Metadata(description = "True when a multi-message answer (Catalog, RecordInfo) was emitted after the gap"
                            + " timeout without all SumNum items.",
              javaType = "Boolean")
    public static final String PARTIAL = "CamelGb28181Partial";
    @Metadata(label = "consumer", description = "The SIP Call-ID of the request that carried the event.",
              javaType = "String")
    public static final String CALL_ID = "CamelGb28181CallId";

    @Metadata(label = "producer", description = "The command to send, overriding the endpoint's: catalog, deviceInfo,"
                                                 + " ptz, preset and so on.", javaType = "String")
    public static final String COMMAND = "CamelGb28181Command";
    @Metadata(label = "producer", description = "What a control command does: up, down, left, right, upleft, upright,"
                                                 + " downleft, downright, zoomin, zoomout, stop (ptz); focusnear,"
                                                 + " focusfar, irisopen, irisclose, stop (fi); set, call, delete"
                                                 + " (preset); add, delete, speed, dwell, start, stop (cruise); start,"
                                                 + " left, right, speed, stop (scan); on, off (aux); start, stop"
                                                 + " (record); set, reset (guard).", javaType = "String")
    public static final String ACTION = "CamelGb28181Action";
    @Metadata(label = "producer", description = "Speed 0-255 for ptz, fi, cruise and scan speed; zoom uses its top"
                                                 + " four bits (0-15).", javaType = "Integer")
    public static final String SPEED = "CamelGb28181Speed";
    @Metadata(label = "producer", description = "Preset number, cruise or scan group, auxiliary switch number; the"
                                                 + " cruise track a cruiseTrack query asks for; the SD card"
                                                 + " formatSdCard formats (0 for all).", javaType = "Integer")
    public static final String INDEX = "CamelGb28181Index";
    @Metadata(label = "producer", description = "The second number of a command: the preset added to or deleted from"
                                                 + " a cruise, or a cruise dwell time in seconds.", javaType = "Integer")
    public static final String VALUE = "CamelGb28181Value";
    @Metadata(label = "producer", description = "Start of a RecordInfo query, yyyy-MM-dd'T'HH:mm:ss.", javaType = "String")
    public static final String START_TIME = "CamelGb28181StartTime";
    @Metadata(label = "producer", description = "End of a RecordInfo query, yyyy-MM-dd'T'HH:mm:ss.", javaType = "String")
    public static final String END_TIME = "CamelGb28181EndTime";

    @Metadata(description = "The media session a pause, resume, speed, seek or bye command concerns: the Call-ID of"
                            + " its INVITE, as play, playback and download return it. Also set on SESSION_ENDED"
                            + " events and on the reply of the media commands.", javaType = "String")
    public static final String SESSION_ID = "CamelGb28181SessionId";
    @Metadata(label = "producer", description = "The playback speed for the speed command: 0.25 to 8, negative to"
                                                 + " play backwards.", javaType = "Double")
    public static final String SCALE = "CamelGb28181Scale";
    @Metadata(label = "producer", description = "Where the seek command jumps to, in seconds from the start of the"
                                                 + " requested range.", javaType = "Long")
    public static final String POSITION = "CamelGb28181Position";
    @Metadata(label = "producer", description = "The port the platform receives the media on, overriding the option"
                                                 + " mediaPort.", javaType = "Integer")
    public static final String MEDIA_PORT = "CamelGb28181MediaPort";
    @Metadata(label = "producer", description = "The stream number (GB/T 28181-2022: 0 main, 1 first sub-stream...)"
                                                 + " a play asks for, a record command records or a recordInfo query"
                                                 + " searches, overriding the option streamNumber.",
              javaType = "Integer")
    public static final String STREAM_NUMBER = "CamelGb28181StreamNumber";
    @Metadata(label = "producer", description = "The SessionID (GB/T 28181-2022) of the document a deviceUpgrade or a"
                                                 + " picture capture deviceConfig sent: the body's own, or the one the"
                                                 + " platform chose. The device's DEVICE_UPGRADE_RESULT or"
                                                 + " UPLOAD_SNAPSHOT_FINISHED event names it again.",
              javaType = "String")
    public static final String MANSCDP_SESSION_ID = "CamelGb28181ManscdpSessionId";
    @Metadata(label = "producer", description = "The name a preset set command gives the preset, or a cruise"
                                                 + " command the cruise track (GB/T 28181-2022 PTZCmdParams),"
                                                 + " overriding the option name.", javaType = "String")
    public static final String NAME = "CamelGb28181Name";

    private Gb28181Constants() {
    }
}

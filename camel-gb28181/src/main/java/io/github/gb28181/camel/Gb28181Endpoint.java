package io.github.gb28181.camel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.model.ConfigType;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A GB/T 28181 platform endpoint: gb28181:events consumes device events; gb28181:catalog, gb28181:ptz and the other
 * commands send a query or a control command to a device.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:command",
             category = { Category.IOT, Category.NETWORKING }, headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint {

    private static final List<String> RECORD_TYPES = List.of("all", "time", "alarm", "manual");

    @UriPath
    @Metadata(required = true, description = "What the endpoint does: events (consumer), or the command a producer"
                                             + " sends to a device.")
    private Gb28181Command command;
    @UriParam
    private Gb28181Configuration configuration;
    @UriParam
    private Gb28181DeviceConfiguration deviceConfiguration = new Gb28181DeviceConfiguration();
    @UriParam(label = "consumer")
    @Metadata(description = "Comma-separated event types to receive (REGISTER, UNREGISTER, ONLINE, OFFLINE, KEEPALIVE,"
                            + " CATALOG, DEVICE_INFO, DEVICE_STATUS, RECORD_INFO, ALARM, MOBILE_POSITION,"
                            + " PTZ_POSITION, UPLOAD_SNAPSHOT_FINISHED, VIDEO_UPLOAD, DEVICE_UPGRADE_RESULT,"
                            + " MEDIA_STATUS, SESSION_ENDED, AUTH_LOCKED, RAW). Default: all of them but KEEPALIVE,"
                            + " which is published only to routes that name it: at thousands of devices it is most of"
                            + " the traffic, and ONLINE and OFFLINE already say what it changes.")
    private String types;
    @UriParam(label = "consumer")
    @Metadata(description = "Comma-separated device ids to receive events from. Default: every device.")
    private String deviceIds;

    @UriParam(label = "consumer", defaultValue = "false")
    @Metadata(description = "gb28181:upstream: make the upper platforms' traffic wait for the route, so it can refuse a"
                            + " request (header CamelGb28181Veto) or change what we send (the body it leaves). By"
                            + " default the route only watches.")
    private boolean veto;

    @UriParam(label = "producer")
    @Metadata(description = "The device to send to. A header CamelGb28181DeviceId overrides it. Not needed when the"
                            + " channel is known from a catalog: commands go to the device that owns the channel.")
    private String deviceId;
    @UriParam(label = "producer")
    @Metadata(description = "The channel a command concerns (camera, alarm input). A header CamelGb28181ChannelId"
                            + " overrides it.")
    private String channelId;
    @UriParam(label = "producer")
    @Metadata(description = "What a control command does, for example up or stop for ptz, set or call for preset."
                            + " A header CamelGb28181Action overrides it.")
    private String action;
    @UriParam(label = "producer", defaultValue = "128")
    @Metadata(description = "Speed 0-255 for ptz, fi, cruise and scan commands; zoom uses its top four bits (0-15).")
    private int speed = 128;
    @UriParam(label = "producer")
    @Metadata(description = "Preset number, cruise or scan group, auxiliary switch number; the cruise track a"
                            + " cruiseTrack query asks for (0 the first); the SD card formatSdCard formats (from 1, 0"
                            + " for all).")
    private Integer index;
    @UriParam(label = "producer")
    @Metadata(description = "The second number of a command: the preset added to or deleted from a cruise, or a"
                            + " cruise dwell time in seconds.")
    private Integer value;
    @UriParam(label = "producer")
    @Metadata(description = "Start of a RecordInfo query, yyyy-MM-dd'T'HH:mm:ss.")
    private String startTime;
    @UriParam(label = "producer")
    @Metadata(description = "End of a RecordInfo query, yyyy-MM-dd'T'HH:mm:ss.")
    private String endTime;
    @UriParam(label = "producer", defaultValue = "all", enums = "all,time,alarm,manual")
    @Metadata(description = "The record type a RecordInfo query asks for.")
    private String recordType = "all";
    @UriParam(label = "producer", defaultValue = "BasicParam")
    @Metadata(description = "The configuration sets a configDownload query asks for, several joined by a slash:"
                            + " BasicParam, VideoParamOpt, SVACEncodeConfig, SVACDecodeConfig and, from GB/T"
                            + " 28181-2022, VideoParamAttribute, VideoRecordPlan, VideoAlarmRecord, PictureMask,"
                            + " FrameMirror, AlarmReport, OSDConfig, SnapShotConfig.")
    private String configType = "BasicParam";
    @UriParam(label = "producer", defaultValue = "5")
    @Metadata(description = "The reporting interval in seconds a mobilePosition query or subscription asks for.")
    private int interval = 5;
    @UriParam(label = "producer", enums = "catalog,alarm,mobilePosition,ptzPosition")
    @Metadata(description = "What a subscribe or unsubscribe command concerns: catalog (Event: Catalog), alarm,"
                            + " mobilePosition or (GB/T 28181-2022) ptzPosition (Event: presence).")
    private String subscription;
    @UriParam(label = "producer", defaultValue = "3600")
    @Metadata(description = "The lifetime in seconds a subscribe command asks for. The platform refreshes the"
                            + " subscription in its dialog before it lapses, until unsubscribe.")
    private int expires = 3600;

    @UriParam(label = "producer", defaultValue = "0")
    @Metadata(description = "The download speed factor a download command asks for (a=downloadspeed: 1, 2, 4...);"
                            + " 0 leaves it to the device. A speed the device's catalog or VideoParamOpt does not list"
                            + " is refused before the INVITE.")
    private int downloadSpeed;
    @UriParam(label = "producer")
    @Metadata(description = "GB/T 28181-2022: the stream a play asks for (a=streamnumber: 0 main, 1 first"
                            + " sub-stream...), a record command records, or a recordInfo query searches. A number the"
                            + " channel's catalog StreamNumberList does not list is refused before the INVITE. A"
                            + " header CamelGb28181StreamNumber overrides it.")
    private Integer streamNumber;
    @UriParam(label = "producer")
    @Metadata(description = "GB/T 28181-2022: the alarm methods (1-7, several joined by a slash) an alarmReset"
                            + " resets or a recordInfo query searches.")
    private String alarmMethod;
    @UriParam(label = "producer")
    @Metadata(description = "GB/T 28181-2022: the alarm types (several joined by a slash) an alarmReset resets or a"
                            + " recordInfo query searches.")
    private String alarmType;
    @UriParam(label = "producer")
    @Metadata(description = "GB/T 28181-2022: the name a preset set command gives the preset, or a cruise command"
                            + " the cruise track (PTZCmdParams). A header CamelGb28181Name overrides it.")
    private String name;
    @UriParam(label = "producer")
    @Metadata(description = "GB/T 28181-2022: the panorama channel of a targetTrack command (DeviceID2), when the"
                            + " channel tracking (channelId) is the dome of a panoramic camera.")
    private String panoramaChannelId;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (command.kind() == Gb28181Command.Kind.EVENTS) {
            throw new IllegalArgumentException("gb28181:" + command + " is for consumers; a producer names a command"
                                               + " such as gb28181:catalog or gb28181:ptz");
        }
        return new Gb28181Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        org.apache.camel.support.DefaultConsumer consumer = switch (command) {
            case EVENTS -> new Gb28181Consumer(this, processor);
            case DEVICE -> new Gb28181DeviceConsumer(this, processor);
            case UPSTREAM -> new Gb28181UpstreamConsumer(this, processor);
            default -> throw new IllegalArgumentException("A gb28181 consumer must use gb28181:events, gb28181:device"
                                                          + " or gb28181:upstream, not gb28181:" + command);
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a mistyped option fails the route when it is created, with the valid choices, not at the first message
        if (command == null) {
            throw new IllegalArgumentException("A gb28181 endpoint names a command: gb28181:events, gb28181:catalog...");
        }
        if (action != null && !action.isBlank()) {
            command.checkAction(action);
        }
        MediaTransportMode.of(configuration.getMediaTransport());
        if (!RECORD_TYPES.contains(recordType)) {
            throw new IllegalArgumentException("Unknown recordType '" + recordType + "'; use one of "
                                               + String.join(", ", RECORD_TYPES));
        }
        if (subscription != null) {
            SubscriptionManager.Kind.of(subscription);
        }
        PlatformServers.gbVersion(configuration);
        PlatformServers.digestAlgorithm(configuration);
        checkConfigTypes();
        notNegative("streamNumber", streamNumber);
        notNegative("downloadSpeed", downloadSpeed);
        notNegative("index", index);
        notNegative("value", value);
        slashNumbers("alarmMethod", alarmMethod);
        slashNumbers("alarmType", alarmType);
        eventTypes();
    }

    private void checkConfigTypes() {
        for (String name : configType.split("/")) {
            if (ConfigType.fromWireName(name) == null) {
                throw new IllegalArgumentException("Unknown configType '" + name.strip() + "'; use one of "
                                                   + Arrays.stream(ConfigType.values()).map(ConfigType::wireName)
                                                           .collect(Collectors.joining(", "))
                                                   + ", several joined by /");
            }
        }
    }

    private static void notNegative(String option, Integer number) {
        if (number != null && number < 0) {
            throw new IllegalArgumentException(option + " must not be negative, was " + number);
        }
    }

    private static void slashNumbers(String option, String list) {
        if (list != null && !list.strip().matches("\\d{1,3}(\\s*/\\s*\\d{1,3})*")) {
            throw new IllegalArgumentException(option + " is numbers joined by /, such as 1/5, not '" + list + "'");
        }
    }

    /** The event types this endpoint passes on. */
    Set<EventType> eventTypes() {
        if (types == null || types.isBlank()) {
            return EnumSet.complementOf(EnumSet.of(EventType.KEEPALIVE));
        }
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        for (String t : types.split(",")) {
            String name = t.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            EventType type = Arrays.stream(EventType.values()).filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown gb28181 event type '" + t.trim()
                                                                    + "'; use one of " + Arrays.stream(EventType.values())
                                                                            .map(Enum::name)
                                                                            .collect(Collectors.joining(", "))));
            set.add(type);
        }
        return set;
    }

    /** The device ids this endpoint passes on, or an empty set for all. */
    Set<String> deviceIdFilter() {
        if (deviceIds == null || deviceIds.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(deviceIds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isVeto() {
        return veto;
    }

    public void setVeto(boolean veto) {
        this.veto = veto;
    }

    public Gb28181Command getCommand() {
        return command;
    }

    public void setCommand(Gb28181Command command) {
        this.command = command;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public Gb28181DeviceConfiguration getDeviceConfiguration() {
        return deviceConfiguration;
    }

    public void setDeviceConfiguration(Gb28181DeviceConfiguration deviceConfiguration) {
        this.deviceConfiguration = deviceConfiguration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }

    public String getTypes() {
        return types;
    }

    public void setTypes(String types) {
        this.types = types;
    }

    public String getDeviceIds() {
        return deviceIds;
    }

    public void setDeviceIds(String deviceIds) {
        this.deviceIds = deviceIds;
    }
    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public int getSpeed() {
        return speed;
    }

    public void setSpeed(int speed) {
        this.speed = speed;
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public String getConfigType() {
        return configType;
    }

    public void setConfigType(String configType) {
        this.configType = configType;
    }

    public int getInterval() {
        return interval;
    }

    public void setInterval(int interval) {
        this.interval = interval;
    }

    public String getSubscription() {
        return subscription;
    }

    public void setSubscription(String subscription) {
        this.subscription = subscription;
    }

    public int getExpires() {
        return expires;
    }

    public void setExpires(int expires) {
        this.expires = expires;
    }

    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPanoramaChannelId() {
        return panoramaChannelId;
    }

    public void setPanoramaChannelId(String panoramaChannelId) {
        this.panoramaChannelId = panoramaChannelId;
    }

    public int getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(int downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }
}

package io.github.gb28181.camel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.gb28181.camel.event.EventType;
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

    /** The consumer's command. */
    public static final String EVENTS = "events";

    @UriPath
    @Metadata(required = true, description = "What the endpoint does: events (consumer), or the command a producer"
                                             + " sends to a device.")
    private String command;
    @UriParam
    private Gb28181Configuration configuration;
    @UriParam(label = "consumer")
    @Metadata(description = "Comma-separated event types to receive (REGISTER, UNREGISTER, ONLINE, OFFLINE, KEEPALIVE,"
                            + " CATALOG, DEVICE_INFO, DEVICE_STATUS, RECORD_INFO, ALARM, MOBILE_POSITION,"
                            + " MEDIA_STATUS, RAW). Default: all of them.")
    private String types;
    @UriParam(label = "consumer")
    @Metadata(description = "Comma-separated device ids to receive events from. Default: every device.")
    private String deviceIds;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        throw new UnsupportedOperationException(
                "gb28181 producers (device queries and control) are not available yet; use gb28181:events to consume");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!EVENTS.equalsIgnoreCase(command)) {
            throw new IllegalArgumentException(
                    "A gb28181 consumer must use gb28181:events, not gb28181:" + command);
        }
        Gb28181Consumer consumer = new Gb28181Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    /** The event types this endpoint passes on. */
    Set<EventType> eventTypes() {
        if (types == null || types.isBlank()) {
            return EnumSet.allOf(EventType.class);
        }
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        for (String t : types.split(",")) {
            String name = t.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                set.add(EventType.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown gb28181 event type '" + t.trim() + "'; known types: "
                                                   + Arrays.toString(EventType.values()), e);
            }
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

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
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
}

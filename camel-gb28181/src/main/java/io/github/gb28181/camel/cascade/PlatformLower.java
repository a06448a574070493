package io.github.gb28181.camel.cascade;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.DeviceEventListener;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusQuery;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.command.DeviceCommander;
import io.github.gb28181.camel.sip.command.QueryResult;
import io.github.gb28181.camel.sip.command.ResponseWaiters;
import io.github.gb28181.camel.upstream.LowerSide;
import io.github.gb28181.camel.upstream.SharedItem;
import io.github.gb28181.camel.upstream.UpstreamInvite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our platform as an upper platform sees it (cascade): the shared channels of the registered devices as its catalog,
 * with their status kept up to date by catalog notifications; our own DeviceInfo and DeviceStatus; queries and
 * controls for a shared device or channel passed to the device that owns it (controls byte for byte, their Result
 * relayed up); its alarms forwarded; and INVITEs served by relaying the device's media ({@link CascadeMedia}).
 */
public final class PlatformLower implements LowerSide {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformLower.class);
    private static final String MANSCDP = "Application/MANSCDP+xml";
    private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final String localId;
    private final SharedChannels shared;
    private final DeviceRegistry registry;
    private final DeviceCommander commander;
    private final RequestSender sender;
    private final ResponseWaiters waiters;
    private final ManscdpCodec codec;
    private final EventBus events;
    private final CascadeMedia media;
    private final Duration timeout;
    private final CatalogChanges changes = new CatalogChanges();
    private volatile Listener listener;
    private DeviceEventListener subscription;

    /**
     * @param localId our id towards the upper platform
     * @param media   relays the devices' media, or null when this platform cannot send media
     * @param timeout how long a device may take to answer what we ask on the upper platform's behalf
     */
    public PlatformLower(String localId, SharedChannels shared, DeviceRegistry registry, DeviceCommander commander,
                         RequestSender sender, ResponseWaiters waiters, ManscdpCodec codec, EventBus events,
                         CascadeMedia media, Duration timeout) {
        this.localId = localId;
        this.shared = shared;
        this.registry = registry;
        this.commander = commander;
        this.sender = sender;
        this.waiters = waiters;
        this.codec = codec;
        this.events = events;
        this.media = media;
        this.timeout = timeout;
    }

    @Override
    public boolean serves(String targetId) {
        if (localId.equals(targetId)) {
            return true;
        }
        Optional<Device> device = registry.find(targetId);
        if (device.isPresent()) {
            return device.get().getChannels().stream().anyMatch(shared::shares);
        }
        return registry.owner(targetId).map(owner -> owner.getChannel(targetId)).map(shared::shares).orElse(false);
    }

    @Override
    public List<CatalogItem> catalog(String targetId) {
        if (!localId.equals(targetId)) {
            return registry.find(targetId).map(this::items).orElse(List.of());
        }
        List<CatalogItem> items = new ArrayList<>();
        for (Device device : registry.devices()) {
            items.addAll(items(device));
        }
        return items;
    }

    private List<CatalogItem> items(Device device) {
        List<CatalogItem> items = new ArrayList<>();
        for (DeviceChannel channel : device.getChannels()) {
            if (shared.shares(channel)) {
                items.add(item(device, channel));
            }
        }
        return items;
    }

    /** A channel as the upper platform sees it: under our id, online only while its device is. */
    private CatalogItem item(Device device, DeviceChannel channel) {
        boolean on = device.isOnline() && (channel.status() == null || StatusFlag.of(channel.status()) != StatusFlag.OFF);
        return SharedItem.of(channel.channelId(), channel.name(),
                channel.manufacturer() != null ? channel.manufacturer() : device.getManufacturer(),
                channel.model() != null ? channel.model() : device.getModel(), localId, on);
    }

    @Override
    public CompletableFuture<ManscdpMessage> query(ManscdpMessage query, byte[] body) {
        String target = query.getDeviceId();
        if (localId.equals(target)) {
            if (query instanceof DeviceInfoQuery) {
                return CompletableFuture.completedFuture(ourInfo());
            }
            if (query instanceof DeviceStatusQuery) {
                return CompletableFuture.completedFuture(ourStatus());
            }
            return CompletableFuture.completedFuture(null);
        }
        // asked of a shared device or channel: the device answers, under a fresh SN of ours
        ManscdpMessage copy = codec.decode(body);
        return commander.query(null, target, copy, timeout).thenApply(QueryResult::response);
    }

    private DeviceInfoResponse ourInfo() {
        DeviceInfoResponse info = new DeviceInfoResponse();
        info.setDeviceId(localId);
        info.setResult("OK");
        info.setDeviceName("camel-gb28181");
        info.setManufacturer("camel-gb28181");
        info.setModel("platform");
        info.setFirmware(Optional.ofNullable(PlatformLower.class.getPackage().getImplementationVersion()).orElse("dev"));
        info.setChannel(catalog(localId).size());
        return info;
    }

    private DeviceStatusResponse ourStatus() {
        DeviceStatusResponse status = new DeviceStatusResponse();
        status.setDeviceId(localId);
        status.setResult("OK");
        status.setOnline("ONLINE");
        status.setStatus("OK");
        status.setDeviceTime(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DEVICE_TIME));
        return status;
    }

    /**
     * Passes the control to the device that owns its target, as the upper platform wrote it (same SN, same bytes),
     * and completes with the device's Response if one comes within the timeout, null if none does (many controls,
     * PTZ among them, have none).
     */
    @Override
    public CompletableFuture<ManscdpMessage> control(ManscdpMessage control, byte[] body) {
        Device device;
        try {
            device = commander.resolve(null, control.getDeviceId());
        } catch (DeviceUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.debug("{} {} from the upper platform passed to device {}", control.getCmdType(), control.getDeviceId(),
                device.getDeviceId());
        CompletableFuture<ManscdpMessage> result = control.getSn() == null || control.getCmdType() == null
                ? CompletableFuture.completedFuture(null)
                : waiters.expect(device.getDeviceId(), control.getCmdType(), control.getSn())
                        .thenApply(QueryResult::response)
                        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            sender.send(sender.createMessage(device, MANSCDP, body)).whenComplete((response, error) -> {
                if (error != null || response.getStatusCode() >= 300) {
                    result.completeExceptionally(error != null ? error : new IllegalStateException("Device "
                            + device.getDeviceId() + " refused the " + control.getCmdType() + ": "
                            + response.getStatusCode()));
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public CompletableFuture<String> invite(UpstreamInvite invite) {
        if (media == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No media relay: add the gb28181-rtp"
                                                                            + " component to relay video upward"));
        }
        return media.invite(invite, localId, (sessionId, endOfFile) -> {
            Listener l = listener;
            if (l != null) {
                l.sessionEnded(sessionId, endOfFile);
            }
        });
    }

    @Override
    public CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body) {
        return media == null ? CompletableFuture.completedFuture(481) : media.info(sessionId, contentType, body);
    }

    @Override
    public void bye(String sessionId) {
        if (media != null) {
            media.bye(sessionId);
        }
    }

    @Override
    public synchronized void listen(Listener listener) {
        this.listener = listener;
        changes.reset(catalog(localId), item -> registry.owner(item.getDeviceId()).map(Device::getDeviceId)
                .orElse(""));
        if (subscription == null) {
            subscription = this::onEvent;
            events.subscribe(subscription);
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            events.unsubscribe(subscription);
            subscription = null;
        }
    }

    private void onEvent(DeviceEvent event) {
        Listener l = listener;
        if (l == null) {
            return;
        }
        switch (event.type()) {
            case ONLINE, OFFLINE, CATALOG -> registry.find(event.deviceId()).ifPresent(device -> {
                List<CatalogItem> changed = changes.device(device.getDeviceId(), items(device));
                if (!changed.isEmpty()) {
                    l.catalogChanged(changed);
                }
            });
            case ALARM -> {
                if (event.body() instanceof AlarmNotify alarm && sharedAlarm(event)) {
                    l.forward(copy(alarm));
                }
            }
            default -> {
                // nothing else concerns the upper platform
            }
        }
    }

    private boolean sharedAlarm(DeviceEvent event) {
        String target = event.channelId() != null ? event.channelId() : event.deviceId();
        return serves(target);
    }

    /** Its own copy: the event's document is what routes see, and forwarding gives it our SN. */
    private ManscdpMessage copy(ManscdpMessage document) {
        Charset charset = document.getCharset() != null ? document.getCharset() : codec.getDefaultCharset();
        return codec.decode(codec.encode(document, charset));
    }

    @Override
    public String toString() {
        return "PlatformLower[" + localId + "]";
    }
}

package io.github.gb28181.camel.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.aggregate.Aggregated;
import io.github.gb28181.camel.manscdp.aggregate.AggregationKey;
import io.github.gb28181.camel.manscdp.aggregate.ResponseAggregator;
import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.MediaStatusNotify;
import io.github.gb28181.camel.manscdp.model.MobilePositionNotify;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.command.ResponseWaiters;
import io.github.gb28181.camel.sip.media.MediaSessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a device's MANSCDP documents into events: multi-message answers through the aggregator, catalog and device
 * info into the registry, and an Alarm answered with the Response the standard asks for.
 */
public final class ManscdpRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ManscdpRouter.class);
    private static final String MANSCDP = "Application/MANSCDP+xml";
    private static final int MAX_PENDING_SENDERS = 10_000;

    private final DeviceRegistry registry;
    private final EventBus events;
    private final ManscdpCodec codec;
    private final RequestSender sender;
    private volatile ResponseAggregator aggregator;
    private volatile MediaSessionManager mediaSessions;
    /**
     * Who sent each answer being aggregated: its DeviceID may be a channel that several devices list. Bounded,
     * because a late duplicate of a finished answer is swallowed by the aggregator and never comes back to clear it.
     */
    private final Map<AggregationKey, String> senders = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AggregationKey, String> eldest) {
                    return size() > MAX_PENDING_SENDERS;
                }
            });

    private final ResponseWaiters waiters;

    public ManscdpRouter(DeviceRegistry registry, EventBus events, ManscdpCodec codec, RequestSender sender,
                         ResponseWaiters waiters) {
        this.registry = registry;
        this.events = events;
        this.codec = codec;
        this.sender = sender;
        this.waiters = waiters;
    }

    public void setAggregator(ResponseAggregator aggregator) {
        this.aggregator = aggregator;
    }

    public void setMediaSessions(MediaSessionManager mediaSessions) {
        this.mediaSessions = mediaSessions;
    }

    /** @return when the event is processed: at once for a part the aggregator keeps, and for the Alarm reply */
    public CompletableFuture<Void> route(Device device, ManscdpMessage message, IncomingRequest in) {
        ResponseAggregator parts = aggregator;
        if (parts != null && message instanceof MultiPart<?>) {
            AggregationKey key = AggregationKey.of(message);
            if (key != null) {
                senders.put(key, device.getDeviceId());
            }
            if (parts.offer(message)) {
                return CompletableFuture.completedFuture(null); // comes back through onAggregated once all are in
            }
        }
        if (message instanceof DeviceInfoResponse info) {
            device.setName(info.getDeviceName());
            device.setManufacturer(info.getManufacturer());
            device.setModel(info.getModel());
            device.setFirmware(info.getFirmware());
            registry.persist(device);
        }
        if (message.getKind() == RootKind.RESPONSE) {
            waiters.complete(device.getDeviceId(), message, false);
        }
        CompletableFuture<Void> processed = publish(device, eventType(message), message, in.callId(), false);
        if (message instanceof AlarmNotify alarm) {
            acknowledgeAlarm(device, alarm);
        } else if (message instanceof MediaStatusNotify status && Integer.valueOf(121).equals(status.getNotifyType())
                && mediaSessions != null) {
            mediaSessions.mediaEnded(in.callId());
        }
        return processed;
    }

    /** A Catalog or RecordInfo answer is complete, or its gap timeout ran out. */
    public void onAggregated(Aggregated<?> result) {
        ManscdpMessage message = result.getMessage();
        String sender = result.getKey() != null ? senders.remove(result.getKey()) : null;
        Device device = registry.owner(sender != null ? sender : message.getDeviceId()).orElse(null);
        if (device == null) {
            LOG.debug("Aggregated {} for unknown device {} dropped", message.getCmdType(), message.getDeviceId());
            return;
        }
        if (message instanceof CatalogResponse catalog) {
            registry.updateChannels(device.getDeviceId(), channels(device, catalog.getItems(), false),
                    !result.isPartial());
        } else if (message instanceof CatalogNotify notify) {
            applyCatalogChanges(device, notify.getItems());
        }
        if (message.getKind() == RootKind.RESPONSE) {
            waiters.complete(device.getDeviceId(), message, result.isPartial());
        }
        publish(device, eventType(message), message, null, result.isPartial());
    }

    private void applyCatalogChanges(Device device, List<CatalogItem> items) {
        List<CatalogItem> kept = new ArrayList<>();
        for (CatalogItem item : items) {
            if ("DEL".equalsIgnoreCase(item.getEvent())) {
                registry.removeChannel(device.getDeviceId(), item.getDeviceId());
            } else {
                kept.add(item);
            }
        }
        registry.updateChannels(device.getDeviceId(), channels(device, kept, true), false);
    }

    private static List<DeviceChannel> channels(Device device, List<CatalogItem> items, boolean statusFromEvent) {
        List<DeviceChannel> channels = new ArrayList<>(items.size());
        for (CatalogItem item : items) {
            if (item.getDeviceId() == null) {
                continue;
            }
            String status = item.getStatus();
            if (statusFromEvent && item.getEvent() != null && status == null) {
                status = item.getEvent(); // ON, OFF, VLOST, DEFECT
            }
            channels.add(new DeviceChannel(item.getDeviceId(), device.getDeviceId(), item.getName(),
                    item.getManufacturer(), item.getModel(), status, item.getParentId()));
        }
        return channels;
    }

    private void acknowledgeAlarm(Device device, AlarmNotify alarm) {
        try {
            byte[] body = codec.encodeLike(ResultResponse.replyTo(alarm, true), alarm);
            sender.send(sender.createMessage(device, MANSCDP, body)).whenComplete((response, error) -> {
                if (error != null || response.getStatusCode() >= 300) {
                    LOG.debug("Device {} did not accept the Alarm response: {}", device.getDeviceId(),
                            error != null ? error.getMessage() : response.getStatusCode());
                }
            });
        } catch (Exception e) {
            LOG.warn("Cannot answer Alarm SN {} of device {}: {}", alarm.getSn(), device.getDeviceId(), e.getMessage());
        }
    }

    private CompletableFuture<Void> publish(Device device, EventType type, ManscdpMessage message, String callId,
                                            boolean partial) {
        String channelId = message.getDeviceId() != null && !message.getDeviceId().equals(device.getDeviceId())
                ? message.getDeviceId() : null;
        return events.publish(DeviceEvent.builder(type, device.getDeviceId()).channelId(channelId)
                .document(message.getSn(), message.getCmdType()).body(message)
                .reachableAt(device.getRemoteAddress(), device.getTransport()).callId(callId).partial(partial).build());
    }

    static EventType eventType(ManscdpMessage message) {
        if (message instanceof KeepaliveNotify) {
            return EventType.KEEPALIVE;
        } else if (message instanceof CatalogResponse || message instanceof CatalogNotify) {
            return EventType.CATALOG;
        } else if (message instanceof DeviceInfoResponse) {
            return EventType.DEVICE_INFO;
        } else if (message instanceof DeviceStatusResponse) {
            return EventType.DEVICE_STATUS;
        } else if (message instanceof RecordInfoResponse) {
            return EventType.RECORD_INFO;
        } else if (message instanceof AlarmNotify) {
            return EventType.ALARM;
        } else if (message instanceof MobilePositionNotify) {
            return EventType.MOBILE_POSITION;
        } else if (message instanceof MediaStatusNotify) {
            return EventType.MEDIA_STATUS;
        }
        return EventType.RAW;
    }
}

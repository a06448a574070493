package io.github.gb28181.camel.sip.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.Position;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.aggregate.Aggregated;
import io.github.gb28181.camel.manscdp.aggregate.AggregationKey;
import io.github.gb28181.camel.manscdp.aggregate.ResponseAggregator;
import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogItemInfo;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.DeviceUpgradeResultNotify;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.MediaStatusNotify;
import io.github.gb28181.camel.manscdp.model.MobilePositionItem;
import io.github.gb28181.camel.manscdp.model.MobilePositionNotify;
import io.github.gb28181.camel.manscdp.model.PtzPositionNotify;
import io.github.gb28181.camel.manscdp.model.PtzPositionResponse;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.manscdp.model.UploadSnapShotFinishedNotify;
import io.github.gb28181.camel.manscdp.model.VideoUploadNotify;
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
        updateRegistry(device, message);
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

    /** What a document tells the registry of the device: its identity, firmware, download speeds, positions. */
    private void updateRegistry(Device device, ManscdpMessage message) {
        if (message instanceof DeviceInfoResponse info) {
            device.setName(info.getDeviceName());
            device.setManufacturer(info.getManufacturer());
            device.setModel(info.getModel());
            device.setFirmware(info.getFirmware());
            registry.persist(device);
        } else if (message instanceof DeviceUpgradeResultNotify upgrade
                && upgrade.getUpgradeResultFlag() == StatusFlag.ON && upgrade.getFirmware() != null) {
            device.setFirmware(upgrade.getFirmware()); // the firmware the device now runs
            registry.persist(device);
        } else if (message instanceof ConfigDownloadResponse config && config.getVideoParamOpt() != null
                && config.getVideoParamOpt().getDownloadSpeed() != null) {
            device.setDownloadSpeeds(numbers(config.getVideoParamOpt().getDownloadSpeed()));
            registry.persist(device);
        } else if (message instanceof MobilePositionNotify position) {
            for (Position p : positions(device, position)) {
                registry.updatePosition(device.getDeviceId(), p);
            }
        }
    }

    /** 2022's DeviceList items, or 2016's single position of the DeviceID. */
    private static List<Position> positions(Device device, MobilePositionNotify notify) {
        Instant now = Instant.now();
        List<Position> positions = new ArrayList<>();
        if (notify.getItems() != null && !notify.getItems().isEmpty()) {
            for (MobilePositionItem item : notify.getItems()) {
                if (item.getDeviceId() != null && item.getLongitude() != null && item.getLatitude() != null) {
                    positions.add(new Position(item.getDeviceId(), item.getCaptureTime(), item.getLongitude(),
                            item.getLatitude(), item.getSpeed(), item.getDirection(), item.getAltitude(),
                            item.getHeight(), now));
                }
            }
        } else if (notify.getLongitude() != null && notify.getLatitude() != null) {
            String id = notify.getDeviceId() != null ? notify.getDeviceId() : device.getDeviceId();
            positions.add(new Position(id, notify.getTime(), notify.getLongitude(), notify.getLatitude(),
                    notify.getSpeed(), notify.getDirection(), notify.getAltitude(), null, now));
        }
        return positions;
    }

    /**
     * The numbers of a GB/T 28181 slash list ({@code 0/1/2}, {@code 1/2/4}), in order; what is not a number is skipped,
     * so an oddly spelled list gives what can be read of it.
     */
    static List<Integer> numbers(String slashList) {
        if (slashList == null || slashList.isBlank()) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : slashList.split("[/,]")) {
            String n = part.strip();
            if (!n.isEmpty() && n.length() <= 9 && n.chars().allMatch(Character::isDigit)
                && !numbers.contains(Integer.valueOf(n))) {
                numbers.add(Integer.valueOf(n));
            }
        }
        return numbers;
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
            CatalogItemInfo info = item.getInfo();
            channels.add(new DeviceChannel(item.getDeviceId(), device.getDeviceId(), item.getName(),
                    item.getManufacturer(), item.getModel(), status, item.getParentId(),
                    info != null ? numbers(info.getStreamNumberList()) : List.of(),
                    info != null ? numbers(info.getDownloadSpeed()) : List.of()));
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
        } else if (message instanceof PtzPositionResponse || message instanceof PtzPositionNotify) {
            return EventType.PTZ_POSITION;
        } else if (message instanceof UploadSnapShotFinishedNotify) {
            return EventType.UPLOAD_SNAPSHOT_FINISHED;
        } else if (message instanceof VideoUploadNotify) {
            return EventType.VIDEO_UPLOAD;
        } else if (message instanceof DeviceUpgradeResultNotify) {
            return EventType.DEVICE_UPGRADE_RESULT;
        } else if (message instanceof MediaStatusNotify) {
            return EventType.MEDIA_STATUS;
        }
        return EventType.RAW;
    }
}

package io.github.gb28181.example.api;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.RecordItem;
import io.github.gb28181.example.DeviceCommands;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Devices as the registry knows them, and the queries that ask a device now.
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceController {

    /** LocalDateTime.toString() leaves out zero seconds; devices want them. */
    static final DateTimeFormatter MANSCDP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final DeviceRegistry registry;
    private final DeviceCommands commands;

    public DeviceController(DeviceRegistry registry, DeviceCommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    @GetMapping
    public List<DeviceView> devices() {
        return registry.devices().stream()
                .sorted(Comparator.comparing(Device::getDeviceId))
                .map(DeviceView::of)
                .toList();
    }

    @GetMapping("/{deviceId}")
    public DeviceView device(@PathVariable String deviceId) {
        return DeviceView.of(known(deviceId));
    }

    @GetMapping("/{deviceId}/channels")
    public List<ChannelView> channels(@PathVariable String deviceId) {
        return known(deviceId).getChannels().stream()
                .sorted(Comparator.comparing(c -> c.channelId()))
                .map(ChannelView::of)
                .toList();
    }

    /** Catalog: the reply lists every channel (all SumNum items), and the registry's channels are replaced. */
    @PostMapping("/{deviceId}/catalog")
    public CompletableFuture<Object> catalog(@PathVariable String deviceId) {
        return query("catalog", deviceId);
    }

    @PostMapping("/{deviceId}/info")
    public CompletableFuture<Object> info(@PathVariable String deviceId) {
        return query("deviceInfo", deviceId);
    }

    @PostMapping("/{deviceId}/status")
    public CompletableFuture<Object> status(@PathVariable String deviceId) {
        return query("deviceStatus", deviceId);
    }

    /**
     * The recordings of a channel between start and end (yyyy-MM-dd'T'HH:mm:ss, the platform's time zone); by
     * default the last 24 hours. Without channelId the device itself is asked, as single-camera devices expect.
     */
    @GetMapping("/{deviceId}/records")
    public CompletableFuture<List<RecordItem>> records(@PathVariable String deviceId,
                                                       @RequestParam(required = false) String channelId,
                                                       @RequestParam(required = false) String start,
                                                       @RequestParam(required = false) String end) {
        LocalDateTime to = end == null ? LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) : time("end", end);
        LocalDateTime from = start == null ? to.minusDays(1) : time("start", start);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("start must be before end");
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Gb28181Constants.DEVICE_ID, deviceId);
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        headers.put(Gb28181Constants.START_TIME, MANSCDP_TIME.format(from));
        headers.put(Gb28181Constants.END_TIME, MANSCDP_TIME.format(to));
        return commands.send("gb28181:recordInfo", headers, RecordInfoResponse.class)
                .thenApply(RecordInfoResponse::getItems);
    }

    private CompletableFuture<Object> query(String command, String deviceId) {
        known(deviceId);
        return commands.send("gb28181:" + command, Map.of(Gb28181Constants.DEVICE_ID, deviceId));
    }

    private Device known(String deviceId) {
        return registry.find(deviceId).orElseThrow(() -> new NoSuchElementException("Unknown device " + deviceId));
    }

    static LocalDateTime time(String name, String value) {
        try {
            return LocalDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be yyyy-MM-dd'T'HH:mm:ss, not '" + value + "'");
        }
    }
}

package io.github.gb28181.example.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.example.DeviceCommands;
import io.github.gb28181.example.streams.StreamService;
import io.github.gb28181.example.streams.StreamView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a channel (a camera) does: pan, tilt and zoom, presets, and video. A channel known from a catalog is enough;
 * the component sends to the device that owns it.
 */
@RestController
@RequestMapping("/api/channels/{channelId}")
public class ChannelController {

    static final Set<String> PTZ_COMMANDS = Set.of("up", "down", "left", "right", "upleft", "upright", "downleft",
            "downright", "zoomin", "zoomout", "stop");
    static final Set<String> PRESET_ACTIONS = Set.of("set", "call", "delete");
    static final Set<String> TRANSPORTS = Set.of("udp", "tcp-passive", "tcp-active");

    /** {"command":"up","speed":100}; speed 0-255, 128 when left out (zoom uses its top four bits). */
    public record PtzRequest(String command, Integer speed) {
    }

    /** {"action":"call","index":3}: preset numbers are 1-255. */
    public record PresetRequest(String action, Integer index) {
    }

    /** {"transport":"udp"}: udp (the default), tcp-passive (the device connects) or tcp-active (we connect). */
    public record PlayRequest(String transport) {
    }

    /** {"start":"2024-05-04T14:43:16","end":"2024-05-04T15:16:26","transport":"udp"} */
    public record PlaybackRequest(String start, String end, String transport) {
    }

    private final DeviceCommands commands;
    private final StreamService streams;

    public ChannelController(DeviceCommands commands, StreamService streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @PostMapping("/ptz")
    public CompletableFuture<Map<String, Object>> ptz(@PathVariable String channelId, @RequestBody PtzRequest request) {
        String command = oneOf("command", request.command(), PTZ_COMMANDS);
        int speed = request.speed() == null ? 128 : request.speed();
        if (speed < 0 || speed > 255) {
            throw new IllegalArgumentException("speed must be 0-255, not " + speed);
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        headers.put(Gb28181Constants.ACTION, command);
        headers.put(Gb28181Constants.SPEED, speed);
        return commands.send("gb28181:ptz", headers)
                .thenApply(done -> Map.of("channelId", channelId, "command", command, "speed", speed));
    }

    @PostMapping("/preset")
    public CompletableFuture<Map<String, Object>> preset(@PathVariable String channelId,
                                                         @RequestBody PresetRequest request) {
        String action = oneOf("action", request.action(), PRESET_ACTIONS);
        if (request.index() == null || request.index() < 1 || request.index() > 255) {
            throw new IllegalArgumentException("index must be a preset number 1-255");
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        headers.put(Gb28181Constants.ACTION, action);
        headers.put(Gb28181Constants.INDEX, request.index());
        return commands.send("gb28181:preset", headers)
                .thenApply(done -> Map.of("channelId", channelId, "action", action, "index", request.index()));
    }

    @PostMapping("/play")
    @ResponseStatus(HttpStatus.CREATED)
    public CompletableFuture<StreamView> play(@PathVariable String channelId,
                                              @RequestBody(required = false) PlayRequest request) {
        return streams.play(channelId, transport(request == null ? null : request.transport()));
    }

    @PostMapping("/playback")
    @ResponseStatus(HttpStatus.CREATED)
    public CompletableFuture<StreamView> playback(@PathVariable String channelId,
                                                  @RequestBody PlaybackRequest request) {
        if (request.start() == null || request.end() == null) {
            throw new IllegalArgumentException("start and end are required (yyyy-MM-dd'T'HH:mm:ss)");
        }
        String start = DeviceController.MANSCDP_TIME.format(DeviceController.time("start", request.start()));
        String end = DeviceController.MANSCDP_TIME.format(DeviceController.time("end", request.end()));
        if (start.compareTo(end) >= 0) {
            throw new IllegalArgumentException("start must be before end");
        }
        return streams.playback(channelId, transport(request.transport()), start, end);
    }

    private static String transport(String transport) {
        return transport == null ? "udp" : oneOf("transport", transport, TRANSPORTS);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed.stream().sorted().toList()
                                               + (value == null ? "" : ", not '" + value + "'"));
        }
        return value;
    }
}

package io.github.gb28181.example.api;

import java.util.List;

import io.github.gb28181.example.events.EventLog;
import io.github.gb28181.example.events.PlatformEvent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Recent device events, and the live feed of them as server-sent events (what the web page's log shows). The same
 * JSON goes to the JMS topic gb28181.events.
 */
@RestController
@RequestMapping("/api/events")
public class EventController {

    private final EventLog events;

    public EventController(EventLog events) {
        this.events = events;
    }

    @GetMapping
    public List<PlatformEvent> recent(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return events.recent(limit);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return events.follow();
    }
}

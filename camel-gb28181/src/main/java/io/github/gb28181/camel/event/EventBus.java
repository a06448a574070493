package io.github.gb28181.camel.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans device events out to every listener. A listener that throws does not keep the event from the others.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(DeviceEventListener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(DeviceEventListener listener) {
        listeners.remove(listener);
    }

    public void publish(DeviceEvent event) {
        for (DeviceEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("Event listener failed on {} from {}", event.type(), event.deviceId(), e);
            }
        }
    }
}

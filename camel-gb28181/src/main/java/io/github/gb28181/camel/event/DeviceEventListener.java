package io.github.gb28181.camel.event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives device events, on the event bus's lane for the device (in order per device, off the SIP threads).
 */
@FunctionalInterface
public interface DeviceEventListener {

    void onEvent(DeviceEvent event);

    /**
     * Whether this listener wants events of a type at all. An event no listener wants is not published: a keepalive
     * nobody routes costs nothing past updating the registry.
     */
    default boolean wants(EventType type) {
        return true;
    }

    /**
     * Handles the event and says when it is done, failing when processing failed: with answer-after-processing the
     * device's MESSAGE is answered 500 instead of 200 then. By default done on return.
     */
    default CompletionStage<Void> process(DeviceEvent event) {
        onEvent(event);
        return CompletableFuture.completedFuture(null);
    }
}

package io.github.gb28181.camel.event;

/**
 * Receives device events. Called on a SIP worker thread: hand off anything slow.
 */
@FunctionalInterface
public interface DeviceEventListener {

    void onEvent(DeviceEvent event);
}

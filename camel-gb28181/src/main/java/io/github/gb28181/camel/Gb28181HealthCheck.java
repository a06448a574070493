package io.github.gb28181.camel;

import java.util.Map;

import io.github.gb28181.camel.device.DeviceRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Health of the platform: DOWN when a SIP server the routes need is not listening; its details say how many devices
 * are registered and online, so a dashboard sees a fleet dropping off before anyone complains.
 */
final class Gb28181HealthCheck extends AbstractHealthCheck {

    private final Gb28181Component component;

    Gb28181HealthCheck(Gb28181Component component) {
        super("camel", "gb28181");
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<String, Boolean> servers = component.serverStates();
        DeviceRegistry registry = component.getDeviceRegistry();
        builder.detail("sip.servers", servers.keySet());
        builder.detail("devices.registered", registry.devices().stream().filter(d -> d.isRegistered()).count());
        builder.detail("devices.online", registry.onlineDevices().size());
        if (servers.containsValue(false)) {
            builder.message("SIP server not listening: " + servers);
            builder.down();
        } else {
            builder.up();
        }
    }
}

package io.github.gb28181.camel.device;

import java.time.Clock;
import java.time.Instant;

import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.event.Presence;
import io.github.gb28181.camel.event.Registration;

/**
 * Keeps each device's registration and online state, and says so with events: REGISTER/UNREGISTER when the device
 * asks, ONLINE/OFFLINE when its reachability changes.
 */
public final class PresenceTracker {

    public static final String REGISTERED = "REGISTERED";
    public static final String UNREGISTERED = "UNREGISTERED";
    public static final String KEEPALIVE = "KEEPALIVE";
    public static final String KEEPALIVE_TIMEOUT = "KEEPALIVE_TIMEOUT";
    public static final String REGISTRATION_EXPIRED = "REGISTRATION_EXPIRED";

    private final DeviceRegistry registry;
    private final EventBus events;
    private final long keepaliveTimeoutMillis;
    private final Clock clock;

    public PresenceTracker(DeviceRegistry registry, EventBus events, long keepaliveTimeoutMillis, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.keepaliveTimeoutMillis = keepaliveTimeoutMillis;
        this.clock = clock;
    }

    /** A REGISTER with Expires > 0 was accepted from host:port. */
    public void registered(Registration registration, String host, int port) {
        Instant now = registration.at();
        Device device = registry.getOrCreate(registration.deviceId());
        boolean wasOnline;
        synchronized (device) {
            wasOnline = device.isOnline();
            device.setUsername(registration.username());
            device.setRemote(host, port, registration.transport());
            device.setContact(registration.contact());
            device.setUserAgent(registration.userAgent());
            // each REGISTER says it again: a device upgraded to (or rolled back from) 2022 firmware is followed
            device.setGbVersion(GbVersion.parse(registration.gbVersion()));
            device.setRegisteredAt(now);
            device.setLastSeenAt(now);
            device.setExpires(registration.expires());
            device.setExpiresAt(now.plusSeconds(registration.expires()));
            device.setRegistered(true);
            device.setOnline(true);
        }
        registry.persist(device);
        publish(EventType.REGISTER, device, registration);
        if (!wasOnline) {
            publish(EventType.ONLINE, device, new Presence(device.getDeviceId(), true, REGISTERED, now));
        }
    }

    /** A REGISTER with Expires: 0 was accepted. */
    public void unregistered(Registration registration) {
        Device device = registry.getOrCreate(registration.deviceId());
        boolean wasOnline;
        synchronized (device) {
            wasOnline = device.isOnline();
            device.setRegistered(false);
            device.setOnline(false);
            device.setExpiresAt(registration.at());
        }
        registry.persist(device);
        publish(EventType.UNREGISTER, device, registration);
        if (wasOnline) {
            publish(EventType.OFFLINE, device, new Presence(device.getDeviceId(), false, UNREGISTERED, registration.at()));
        }
    }

    /**
     * A request from a device arrived: refresh where it is (its address may change under NAT) and bring it back
     * online if it had gone silent.
     *
     * @return the device, or null when it is not registered (and must register again)
     */
    public Device heardFrom(String deviceId, String host, int port, String transport, boolean keepalive) {
        Device device = registry.find(deviceId).orElse(null);
        if (device == null) {
            return null;
        }
        Instant now = clock.instant();
        boolean cameBack;
        synchronized (device) {
            if (!device.isRegistered() || device.getExpiresAt() == null || now.isAfter(device.getExpiresAt())) {
                return null;
            }
            device.setRemote(host, port, transport);
            device.setLastSeenAt(now);
            if (keepalive) {
                device.setLastKeepaliveAt(now);
            }
            cameBack = !device.isOnline();
            device.setOnline(true);
        }
        if (cameBack) {
            publish(EventType.ONLINE, device, new Presence(deviceId, true, KEEPALIVE, now));
        }
        return device;
    }

    /** Takes offline every device whose registration expired or that missed its keepalives. */
    public void sweep() {
        Instant now = clock.instant();
        for (Device device : registry.devices()) {
            String reason = null;
            synchronized (device) {
                if (!device.isOnline()) {
                    continue;
                }
                if (device.getExpiresAt() != null && now.isAfter(device.getExpiresAt())) {
                    reason = REGISTRATION_EXPIRED;
                    device.setRegistered(false);
                } else if (device.getLastSeenAt() != null
                        && now.toEpochMilli() - device.getLastSeenAt().toEpochMilli() > keepaliveTimeoutMillis) {
                    reason = KEEPALIVE_TIMEOUT;
                }
                if (reason != null) {
                    device.setOnline(false);
                }
            }
            if (reason != null) {
                publish(EventType.OFFLINE, device, new Presence(device.getDeviceId(), false, reason, now));
            }
        }
    }

    private void publish(EventType type, Device device, Object body) {
        events.publish(DeviceEvent.builder(type, device.getDeviceId()).body(body)
                .reachableAt(device.getRemoteAddress(), device.getTransport()).build());
    }
}

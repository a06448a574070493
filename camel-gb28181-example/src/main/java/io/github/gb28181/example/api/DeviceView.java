package io.github.gb28181.example.api;

import java.time.Instant;

import io.github.gb28181.camel.device.Device;

/**
 * A device as {@code GET /api/devices} shows it. {@code gbVersion} is what the device announced in X-GB-Ver (3.0 for
 * GB/T 28181-2022), null when it announced nothing, as 2016 devices do.
 */
public record DeviceView(
        String deviceId, String name, boolean online, String remoteAddress, String transport, Instant registeredAt,
        Instant lastKeepaliveAt, int expires, String manufacturer, String model, int channelCount, String gbVersion) {

    static DeviceView of(Device d) {
        return new DeviceView(d.getDeviceId(), d.getName(), d.isOnline(), d.getRemoteAddress(), d.getTransport(),
                d.getRegisteredAt(), d.getLastKeepaliveAt(), d.getExpires(), d.getManufacturer(), d.getModel(),
                d.getChannelCount(), d.getGbVersion() == null ? null : d.getGbVersion().toString());
    }
}

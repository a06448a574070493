package io.github.gb28181.example.api;

import io.github.gb28181.camel.device.DeviceChannel;

/**
 * A channel as {@code GET /api/devices/{deviceId}/channels} shows it, from the device's last catalog.
 */
public record ChannelView(String channelId, String name, String manufacturer, String model, String status,
                          String parentId) {

    static ChannelView of(DeviceChannel c) {
        return new ChannelView(c.channelId(), c.name(), c.manufacturer(), c.model(), c.status(), c.parentId());
    }
}

package io.github.gb28181.camel.device;

/**
 * A channel (camera, alarm input, sub-device) of a device, as its last catalog described it.
 *
 * @param channelId    the channel's 20-digit id
 * @param deviceId     the device that owns it: commands for the channel are sent there
 * @param name         the name the device gave it
 * @param manufacturer manufacturer, if reported
 * @param model        model, if reported
 * @param status       status as reported (ON, OFF, ...)
 * @param parentId     the ParentID from the catalog
 */
public record DeviceChannel(
        String channelId, String deviceId, String name, String manufacturer, String model, String status,
        String parentId) {
}

package io.github.gb28181.camel.device;

import java.util.List;

/**
 * A channel (camera, alarm input, sub-device) of a device, as its last catalog described it.
 *
 * @param channelId      the channel's 20-digit id
 * @param deviceId       the device that owns it: commands for the channel are sent there
 * @param name           the name the device gave it
 * @param manufacturer   manufacturer, if reported
 * @param model          model, if reported
 * @param status         status as reported (ON, OFF, ...)
 * @param parentId       the ParentID from the catalog
 * @param streamNumbers  the stream numbers a live INVITE may ask for (GB/T 28181-2022 Info/StreamNumberList,
 *                       {@code 0/1/2}); empty when the catalog did not say
 * @param downloadSpeeds the download speed factors the channel offers (Info/DownloadSpeed, {@code 1/2/4}); empty
 *                       when the catalog did not say
 */
public record DeviceChannel(
        String channelId, String deviceId, String name, String manufacturer, String model, String status,
        String parentId, List<Integer> streamNumbers, List<Integer> downloadSpeeds) {

    public DeviceChannel {
        streamNumbers = streamNumbers == null ? List.of() : List.copyOf(streamNumbers);
        downloadSpeeds = downloadSpeeds == null ? List.of() : List.copyOf(downloadSpeeds);
    }

    /** A channel of a catalog that names no stream numbers or download speeds, as 2016 catalogs do. */
    public DeviceChannel(String channelId, String deviceId, String name, String manufacturer, String model,
                         String status, String parentId) {
        this(channelId, deviceId, name, manufacturer, model, status, parentId, List.of(), List.of());
    }
}

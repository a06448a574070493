package io.github.gb28181.camel.device;

import java.time.Instant;

/**
 * Where a mobile device or channel last said it was, from a MobilePosition notification: 2016's single position of
 * the sender, or one item of 2022's DeviceList.
 *
 * @param id         the device or channel the position is of
 * @param time       when it was captured, as the device wrote it (yyyy-MM-dd'T'HH:mm:ss), or null
 * @param longitude  degrees east
 * @param latitude   degrees north
 * @param speed      km/h, or null
 * @param direction  degrees clockwise from north, or null
 * @param altitude   metres, or null
 * @param height     metres above ground (2022), or null
 * @param receivedAt when the platform received it
 */
public record Position(
        String id, String time, double longitude, double latitude, Double speed, Double direction, Double altitude,
        Double height, Instant receivedAt) {
}

package io.github.gb28181.camel.role;

import java.util.List;
import java.util.Objects;

/**
 * What a device played by a route says about itself when asked: its DeviceInfo, and its channels as its catalog
 * lists them.
 *
 * @param deviceId     its 20-digit id
 * @param name         DeviceName
 * @param manufacturer Manufacturer
 * @param model        Model
 * @param firmware     Firmware
 * @param channels     its channels (a camera lists at least one)
 */
public record DeviceProfile(String deviceId, String name, String manufacturer, String model, String firmware,
        List<Channel> channels) {

    /**
     * One channel.
     *
     * @param channelId its 20-digit id
     * @param name      its name in the catalog
     */
    public record Channel(String channelId, String name) {
        public Channel {
            if (channelId == null || !channelId.matches("\\d{20}")) {
                throw new IllegalArgumentException("A channel id must have 20 digits, not '" + channelId + "'");
            }
            name = name == null || name.isBlank() ? channelId : name;
        }
    }

    public DeviceProfile {
        Objects.requireNonNull(deviceId, "deviceId");
        channels = List.copyOf(channels);
    }

    /**
     * Channels written as {@code id[:name],id[:name]}; none means the device is its own single channel.
     */
    public static List<Channel> channels(String spec, String deviceId) {
        if (spec == null || spec.isBlank()) {
            return List.of(new Channel(deviceId, null));
        }
        return java.util.Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            int colon = s.indexOf(':');
            return colon < 0 ? new Channel(s, null) : new Channel(s.substring(0, colon).trim(), s.substring(colon + 1)
                    .trim());
        }).toList();
    }

    public boolean hasChannel(String id) {
        return channels.stream().anyMatch(c -> c.channelId().equals(id));
    }
}

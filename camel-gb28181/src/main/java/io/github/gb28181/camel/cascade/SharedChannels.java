package io.github.gb28181.camel.cascade;

import java.util.Set;

import io.github.gb28181.camel.device.DeviceChannel;

/**
 * Which of our channels an upper platform sees: all of them, or those of the listed devices and the listed channels,
 * and of those only the ones the decider (a route, say) lets through.
 *
 * @param deviceIds  devices whose channels are all shared; with {@code channelIds} both empty, every device's
 * @param channelIds channels shared whatever their device
 * @param decider    the last word on a channel the lists let through, or null to take the lists' word
 */
public record SharedChannels(Set<String> deviceIds, Set<String> channelIds, Decider decider) {

    /** Says whether one channel is shared; called for every channel of every catalog, so it should be quick. */
    @FunctionalInterface
    public interface Decider {
        boolean shares(DeviceChannel channel);
    }

    public static final SharedChannels ALL = new SharedChannels(Set.of(), Set.of(), null);

    public SharedChannels {
        deviceIds = deviceIds == null ? Set.of() : Set.copyOf(deviceIds);
        channelIds = channelIds == null ? Set.of() : Set.copyOf(channelIds);
    }

    public boolean shares(DeviceChannel channel) {
        boolean listed = deviceIds.isEmpty() && channelIds.isEmpty() || deviceIds.contains(channel.deviceId())
                         || channelIds.contains(channel.channelId());
        return listed && (decider == null || decider.shares(channel));
    }
}

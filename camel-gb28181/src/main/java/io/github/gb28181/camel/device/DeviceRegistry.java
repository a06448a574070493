package io.github.gb28181.camel.device;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every device the platform has heard of, and which device owns which channel. One per component, shared by every
 * endpoint, so routes can ask it (for example from a bean) what is online.
 */
public class DeviceRegistry {

    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, String> channelOwners = new ConcurrentHashMap<>();
    private volatile DeviceStore store = DeviceStore.NONE;

    public DeviceStore getStore() {
        return store;
    }

    public void setStore(DeviceStore store) {
        this.store = store == null ? DeviceStore.NONE : store;
    }

    /** Loads what the store kept; devices already known (heard from since) are left as they are. */
    public int restore() {
        int restored = 0;
        for (DeviceSnapshot snapshot : store.loadAll()) {
            Device device = snapshot.toDevice();
            if (devices.putIfAbsent(device.getDeviceId(), device) == null) {
                device.getChannels().forEach(c -> channelOwners.put(c.channelId(), device.getDeviceId()));
                restored++;
            }
        }
        return restored;
    }

    /** Hands the device's current state to the store. */
    public void persist(Device device) {
        store.save(DeviceSnapshot.of(device));
    }

    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Device getOrCreate(String deviceId) {
        return devices.computeIfAbsent(deviceId, Device::new);
    }

    public Collection<Device> devices() {
        return List.copyOf(devices.values());
    }

    public Collection<Device> onlineDevices() {
        return devices.values().stream().filter(Device::isOnline).toList();
    }

    /** The device that owns a channel, or the device itself when the id is a device id. */
    public Optional<Device> owner(String channelOrDeviceId) {
        Device device = devices.get(channelOrDeviceId);
        if (device != null) {
            return Optional.of(device);
        }
        String owner = channelOwners.get(channelOrDeviceId);
        return owner == null ? Optional.empty() : Optional.ofNullable(devices.get(owner));
    }

    /** Adds or replaces channels from a catalog; a complete catalog also drops channels it no longer lists. */
    public void updateChannels(String deviceId, Collection<DeviceChannel> channels, boolean complete) {
        Device device = getOrCreate(deviceId);
        if (complete) {
            for (DeviceChannel old : device.getChannels()) {
                if (channels.stream().noneMatch(c -> c.channelId().equals(old.channelId()))) {
                    device.removeChannel(old.channelId());
                    channelOwners.remove(old.channelId(), deviceId);
                }
            }
        }
        for (DeviceChannel channel : channels) {
            device.putChannel(channel);
            channelOwners.put(channel.channelId(), deviceId);
        }
        persist(device);
    }

    /**
     * Records a position the device reported, of itself or of one of its channels; a position of any other id is
     * ignored (and false returned), so what a device sends cannot grow the registry past its catalog.
     */
    public boolean updatePosition(String deviceId, Position position) {
        Device device = devices.get(deviceId);
        if (device == null || !(deviceId.equals(position.id()) || device.getChannel(position.id()) != null)) {
            return false;
        }
        device.putPosition(position);
        return true;
    }

    public void removeChannel(String deviceId, String channelId) {
        Device device = devices.get(deviceId);
        if (device != null) {
            device.removeChannel(channelId);
            persist(device);
        }
        channelOwners.remove(channelId, deviceId);
    }

    public void clear() {
        devices.clear();
        channelOwners.clear();
    }
}

package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every device the platform has heard of, and which device owns which channel. One per component, shared by every
 * endpoint, so routes can ask it (for example from a bean) what is online.
 * <p>
 * In a cluster every node keeps the whole registry: what a node changes goes to the shared {@link DeviceStore}, and
 * what the others change comes back from it ({@link DeviceStore#watch}), so reads stay local. Each device has an
 * owner, the node it registered on (the proxy in front sends it there), which alone times it out; the
 * {@link NodeMembership} says which node looks after the devices of a node that is gone.
 */
public class DeviceRegistry {

    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, String> channelOwners = new ConcurrentHashMap<>();
    private volatile DeviceStore store = DeviceStore.NONE;
    private volatile NodeMembership membership = NodeMembership.SINGLE;

    public DeviceStore getStore() {
        return store;
    }

    public void setStore(DeviceStore store) {
        this.store = store == null ? DeviceStore.NONE : store;
    }

    public NodeMembership getMembership() {
        return membership;
    }

    public void setMembership(NodeMembership membership) {
        this.membership = membership == null ? NodeMembership.SINGLE : membership;
    }

    /**
     * Loads what the store kept, and from then on follows what other nodes change in it. Devices already known
     * (heard from since) are left as they are. A device that a live node of the cluster owns is taken as that node
     * says; any other is offline until heard from.
     */
    public int restore() {
        store.watch(new DeviceStore.Changes() {
            @Override
            public void saved(DeviceSnapshot device) {
                replicate(device);
            }

            @Override
            public void deleted(String deviceId) {
                remove(deviceId);
            }
        });
        int restored = 0;
        for (DeviceSnapshot snapshot : store.loadAll()) {
            boolean ownedElsewhere = snapshot.ownerNode() != null && !snapshot.ownerNode().equals(membership.localNode())
                                     && membership.isAlive(snapshot.ownerNode());
            Device device = snapshot.toDevice();
            if (ownedElsewhere) {
                snapshot.replicateTo(device);
            }
            if (devices.putIfAbsent(device.getDeviceId(), device) == null) {
                device.getChannels().forEach(c -> channelOwners.put(c.channelId(), device.getDeviceId()));
                restored++;
            }
        }
        return restored;
    }

    /** What another node says a device is now. */
    void replicate(DeviceSnapshot snapshot) {
        Device device = getOrCreate(snapshot.deviceId());
        Collection<DeviceChannel> before = device.getChannels();
        synchronized (device) {
            snapshot.replicateTo(device);
        }
        for (DeviceChannel old : before) {
            if (device.getChannel(old.channelId()) == null) {
                channelOwners.remove(old.channelId(), device.getDeviceId());
            }
        }
        for (DeviceChannel channel : device.getChannels()) {
            channelOwners.put(channel.channelId(), device.getDeviceId());
        }
    }

    private void remove(String deviceId) {
        Device device = devices.remove(deviceId);
        if (device != null) {
            device.getChannels().forEach(c -> channelOwners.remove(c.channelId(), deviceId));
        }
    }

    /**
     * Makes this node the device's owner: it registered here (the proxy's hash decides where a device registers), or
     * this node looks after it now (its offline sweep).
     *
     * @return true when the owner changed, and the device must be saved for the others to know
     */
    boolean claim(Device device) {
        String local = membership.localNode();
        if (local == null || local.equals(device.getOwnerNode())) {
            return false;
        }
        device.setOwnerNode(local);
        return true;
    }

    /**
     * Takes a device over when it speaks to this node while its owner is gone (the proxy moved it here). A device
     * whose owner lives stays its: the proxy sends a request elsewhere only when its node was slow to answer, and
     * taking it over then would move devices back and forth with every slow moment.
     *
     * @return 1 when this node took the device over; 0 when it was this node's already (or on a single node); -1
     *         when a live node owns it, whose view of its silence this node must share
     */
    int heardHere(Device device) {
        String owner = device.getOwnerNode();
        String local = membership.localNode();
        if (local == null || local.equals(owner)) {
            return 0;
        }
        if (owner != null && membership.isAlive(owner)) {
            return -1;
        }
        device.setOwnerNode(local);
        return 1;
    }

    /**
     * When this node should count the device silent from, or null when another node times it out: its own devices
     * from when they were last heard from; a gone node's devices, on the caretaker, no earlier than when the node
     * left, since what they said to it was never shared.
     */
    Instant silentSince(Device device) {
        String owner = device.getOwnerNode();
        if (owner == null || owner.equals(membership.localNode())) {
            return device.getLastSeenAt();
        }
        if (membership.isAlive(owner) || !membership.isCaretaker()) {
            return null;
        }
        Instant gone = membership.goneSince(owner);
        Instant seen = device.getLastSeenAt();
        return gone == null || (seen != null && seen.isAfter(gone)) ? seen : gone;
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
            channelOwners.put(channel.channelId(), device.getDeviceId());
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

package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.List;

/**
 * What a {@link DeviceStore} keeps of a device: enough to accept its keepalives and send it commands after a
 * restart, or from another node of a cluster. No password: the registry never holds one.
 *
 * @param path       the proxies the device registered through, which requests to it go back through
 * @param ownerNode  the cluster node that holds the device's conversation, null on a single node
 * @param online     whether it was online when saved: a restored device is offline until heard from all the same,
 *                   but the other nodes of a cluster show what its owner says
 * @param lastSeenAt when it was last heard from, as of the save
 */
public record DeviceSnapshot(
        String deviceId, String username, String remoteHost, int remotePort, String transport, String contact,
        String userAgent, Instant registeredAt, Instant expiresAt, int expires, Instant lastKeepaliveAt,
        String charset, String name, String manufacturer, String model, String firmware,
        List<DeviceChannel> channels, GbVersion gbVersion, List<Integer> downloadSpeeds, List<String> path,
        String ownerNode, boolean online, Instant lastSeenAt) {

    static DeviceSnapshot of(Device d) {
        return new DeviceSnapshot(d.getDeviceId(), d.getUsername(), d.getRemoteHost(), d.getRemotePort(),
                d.getTransport(), d.getContact(), d.getUserAgent(), d.getRegisteredAt(), d.getExpiresAt(),
                d.getExpires(), d.getLastKeepaliveAt(), d.getCharset(), d.getName(), d.getManufacturer(), d.getModel(),
                d.getFirmware(), List.copyOf(d.getChannels()), d.getGbVersion(), d.getDownloadSpeeds(), d.getPath(),
                d.getOwnerNode(), d.isOnline(), d.getLastSeenAt());
    }

    /**
     * The device as the registry restores it: registered while its registration lasts, but offline until it is
     * heard from, so nothing is sent to a device that may be gone.
     */
    Device toDevice() {
        Device d = new Device(deviceId);
        copyTo(d);
        d.setRegistered(expiresAt != null && expiresAt.isAfter(Instant.now()));
        d.setOnline(false);
        return d;
    }

    /** Makes {@code d} what another node of the cluster says it is now, online state included. */
    void replicateTo(Device d) {
        copyTo(d);
        d.setRegistered(expiresAt != null && expiresAt.isAfter(Instant.now()));
        d.setOnline(online);
        d.setLastSeenAt(lastSeenAt);
        d.setOwnerNode(ownerNode);
        for (DeviceChannel old : d.getChannels()) {
            if (channels == null || channels.stream().noneMatch(c -> c.channelId().equals(old.channelId()))) {
                d.removeChannel(old.channelId());
            }
        }
    }

    private void copyTo(Device d) {
        d.setUsername(username);
        d.setRemote(remoteHost, remotePort, transport);
        d.setContact(contact);
        d.setUserAgent(userAgent);
        d.setRegisteredAt(registeredAt);
        d.setExpiresAt(expiresAt);
        d.setExpires(expires);
        d.setLastKeepaliveAt(lastKeepaliveAt);
        d.setCharset(charset);
        d.setName(name);
        d.setManufacturer(manufacturer);
        d.setModel(model);
        d.setFirmware(firmware);
        d.setGbVersion(gbVersion);
        d.setDownloadSpeeds(downloadSpeeds);
        d.setPath(path);
        if (channels != null) {
            channels.forEach(d::putChannel);
        }
    }
}

package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.List;

/**
 * What a {@link DeviceStore} keeps of a device: enough to accept its keepalives and send it commands after a
 * restart. No password: the registry never holds one.
 */
public record DeviceSnapshot(
        String deviceId, String username, String remoteHost, int remotePort, String transport, String contact,
        String userAgent, Instant registeredAt, Instant expiresAt, int expires, Instant lastKeepaliveAt,
        String charset, String name, String manufacturer, String model, String firmware,
        List<DeviceChannel> channels, GbVersion gbVersion, List<Integer> downloadSpeeds) {

    static DeviceSnapshot of(Device d) {
        return new DeviceSnapshot(d.getDeviceId(), d.getUsername(), d.getRemoteHost(), d.getRemotePort(),
                d.getTransport(), d.getContact(), d.getUserAgent(), d.getRegisteredAt(), d.getExpiresAt(),
                d.getExpires(), d.getLastKeepaliveAt(), d.getCharset(), d.getName(), d.getManufacturer(), d.getModel(),
                d.getFirmware(), List.copyOf(d.getChannels()), d.getGbVersion(), d.getDownloadSpeeds());
    }

    /**
     * The device as the registry restores it: registered while its registration lasts, but offline until it is
     * heard from, so nothing is sent to a device that may be gone.
     */
    Device toDevice() {
        Device d = new Device(deviceId);
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
        d.setRegistered(expiresAt != null && expiresAt.isAfter(Instant.now()));
        d.setOnline(false);
        if (channels != null) {
            channels.forEach(d::putChannel);
        }
        return d;
    }
}

package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform knows of one device: where it is, whether it is online, and its channels. Updated by the SIP
 * layer on every REGISTER and MESSAGE; read by routes through the {@link DeviceRegistry}.
 */
public class Device {

    private final String deviceId;
    private volatile String username;
    private volatile String remoteHost;
    private volatile int remotePort;
    private volatile String transport;
    private volatile String contact;
    private volatile String userAgent;
    private volatile Instant registeredAt;
    private volatile Instant lastKeepaliveAt;
    private volatile Instant lastSeenAt;
    private volatile Instant expiresAt;
    private volatile int expires;
    private volatile boolean registered;
    private volatile boolean online;
    private volatile String charset;
    private volatile String name;
    private volatile String manufacturer;
    private volatile String model;
    private volatile String firmware;
    private volatile GbVersion gbVersion;
    private final Map<String, DeviceChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Position> positions = new ConcurrentHashMap<>();
    private volatile List<Integer> downloadSpeeds = List.of();

    public Device(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** The digest username the device last authenticated with. */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRemoteHost() {
        return remoteHost;
    }

    public int getRemotePort() {
        return remotePort;
    }

    /** host:port the device was last heard from, which is where requests to it go. */
    public String getRemoteAddress() {
        return remoteHost == null ? null : remoteHost + ":" + remotePort;
    }

    public void setRemote(String host, int port, String transport) {
        this.remoteHost = host;
        this.remotePort = port;
        this.transport = transport;
    }

    public String getTransport() {
        return transport;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public Instant getLastKeepaliveAt() {
        return lastKeepaliveAt;
    }

    public void setLastKeepaliveAt(Instant lastKeepaliveAt) {
        this.lastKeepaliveAt = lastKeepaliveAt;
    }

    /** The last time any request came from the device. */
    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** The registration lifetime in seconds the device asked for. */
    public int getExpires() {
        return expires;
    }

    public void setExpires(int expires) {
        this.expires = expires;
    }

    public boolean isRegistered() {
        return registered;
    }

    public void setRegistered(boolean registered) {
        this.registered = registered;
    }

    public boolean isOnline() {
        return online;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    /** The charset of the device's MANSCDP documents: requests to it are written in the same one. */
    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    /**
     * The GB/T 28181 revision the device said it speaks in the {@code X-GB-Ver} header of its last REGISTER; null when
     * it sent none, as 2016 devices usually do.
     */
    public GbVersion getGbVersion() {
        return gbVersion;
    }

    public void setGbVersion(GbVersion gbVersion) {
        this.gbVersion = gbVersion;
    }

    /**
     * The download speed factors the device offers, as a ConfigDownload of VideoParamOpt reported them (1/2/4);
     * empty when unknown.
     */
    public List<Integer> getDownloadSpeeds() {
        return downloadSpeeds;
    }

    public void setDownloadSpeeds(List<Integer> downloadSpeeds) {
        this.downloadSpeeds = downloadSpeeds == null ? List.of() : List.copyOf(downloadSpeeds);
    }

    /** The last position the device reported of itself and of its channels (MobilePosition), by id. */
    public Map<String, Position> getPositions() {
        return Map.copyOf(positions);
    }

    void putPosition(Position position) {
        positions.put(position.id(), position);
    }

    public Collection<DeviceChannel> getChannels() {
        return List.copyOf(channels.values());
    }

    public int getChannelCount() {
        return channels.size();
    }

    public DeviceChannel getChannel(String channelId) {
        return channels.get(channelId);
    }

    void putChannel(DeviceChannel channel) {
        channels.put(channel.channelId(), channel);
    }

    DeviceChannel removeChannel(String channelId) {
        positions.remove(channelId);
        return channels.remove(channelId);
    }

    @Override
    public String toString() {
        return "Device[" + deviceId + (online ? ", online" : ", offline") + ", " + getRemoteAddress() + "/" + transport
               + "]";
    }
}

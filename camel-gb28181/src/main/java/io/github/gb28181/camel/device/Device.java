package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform knows of one device: where it is, whether it is online, and its channels. Updated by the SIP
 * layer on every REGISTER and MESSAGE; read by routes through the {@link DeviceRegistry}.
 * <p>
 * Kept small, because a site has tens of thousands and a registration storm makes them all at once: times are held
 * as numbers (a keepalive then allocates nothing that lives), values devices repeat are shared
 * ({@link SharedValues}), and a device that never reports a position has no map for them.
 */
public class Device {

    /** A time not set. */
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    private final String deviceId;
    private volatile String username;
    private volatile String remoteHost;
    private volatile int remotePort;
    private volatile String transport;
    private volatile String contact;
    private volatile String userAgent;
    private volatile long registeredAt = NO_TIME;
    private volatile long lastKeepaliveAt = NO_TIME;
    private volatile long lastSeenAt = NO_TIME;
    private volatile long expiresAt = NO_TIME;
    private volatile int expires;
    private volatile boolean registered;
    private volatile boolean online;
    private volatile String charset;
    private volatile String name;
    private volatile String manufacturer;
    private volatile String model;
    private volatile String firmware;
    private volatile GbVersion gbVersion;
    private volatile List<String> path = List.of();
    private volatile String ownerNode;
    /** Most devices are one camera: a small table, which grows for an NVR. */
    private final Map<String, DeviceChannel> channels = new ConcurrentHashMap<>(2);
    /** Made when the first position comes: most devices never send one. */
    private volatile Map<String, Position> positions;
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
        // the digest username is the device id, as a rule: one string for both
        this.username = deviceId.equals(username) ? deviceId : username;
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
        this.transport = SharedValues.share(transport);
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
        this.userAgent = SharedValues.share(userAgent);
    }

    public Instant getRegisteredAt() {
        return instant(registeredAt);
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = nanos(registeredAt);
    }

    public Instant getLastKeepaliveAt() {
        return instant(lastKeepaliveAt);
    }

    public void setLastKeepaliveAt(Instant lastKeepaliveAt) {
        this.lastKeepaliveAt = nanos(lastKeepaliveAt);
    }

    /** The last time any request came from the device. */
    public Instant getLastSeenAt() {
        return instant(lastSeenAt);
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = nanos(lastSeenAt);
    }

    public Instant getExpiresAt() {
        return instant(expiresAt);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = nanos(expiresAt);
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
        this.charset = SharedValues.share(charset);
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
        this.manufacturer = SharedValues.share(manufacturer);
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = SharedValues.share(model);
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = SharedValues.share(firmware);
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
     * The proxies the device registered through (its REGISTER's Path headers, RFC 3327), first to last: requests to
     * it go back through them, so they reach it from the address it talks to. Empty when it registered directly.
     */
    public List<String> getPath() {
        return path;
    }

    public void setPath(List<String> path) {
        this.path = path == null ? List.of() : List.copyOf(path);
    }

    /**
     * The node of a cluster that owns the device: the one it registered on (the proxy in front sends the device's
     * requests there), or the one it talked to after that node died; null on a single node.
     */
    public String getOwnerNode() {
        return ownerNode;
    }

    public void setOwnerNode(String ownerNode) {
        this.ownerNode = ownerNode;
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
        Map<String, Position> known = positions;
        return known == null ? Map.of() : Map.copyOf(known);
    }

    void putPosition(Position position) {
        Map<String, Position> known = positions;
        if (known == null) {
            synchronized (this) {
                if (positions == null) {
                    positions = new ConcurrentHashMap<>(2);
                }
                known = positions;
            }
        }
        known.put(position.id(), position);
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
        channels.put(channel.channelId(), new DeviceChannel(channel.channelId(),
                deviceId.equals(channel.deviceId()) ? deviceId : channel.deviceId(), channel.name(),
                SharedValues.share(channel.manufacturer()), SharedValues.share(channel.model()),
                SharedValues.share(channel.status()),
                deviceId.equals(channel.parentId()) ? deviceId : channel.parentId(), channel.streamNumbers(),
                channel.downloadSpeeds()));
    }

    DeviceChannel removeChannel(String channelId) {
        Map<String, Position> known = positions;
        if (known != null) {
            known.remove(channelId);
        }
        return channels.remove(channelId);
    }

    /**
     * An instant as nanoseconds since the epoch: exact from 1677 to 2262, and held at those ends beyond them (an
     * Expires of centuries).
     */
    private static long nanos(Instant instant) {
        if (instant == null) {
            return NO_TIME;
        }
        long seconds = Math.max(-MAX_SECONDS, Math.min(MAX_SECONDS, instant.getEpochSecond()));
        return seconds * 1_000_000_000L + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return nanos == NO_TIME ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public String toString() {
        return "Device[" + deviceId + (online ? ", online" : ", offline") + ", " + getRemoteAddress() + "/" + transport
               + "]";
    }
}

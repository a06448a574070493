package io.github.gb28181.camel;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.gb28181.camel.upstream.UpstreamSettings;

/**
 * An upper platform the gb28181 component registers to as a lower platform (cascade, GB/T 28181 platform
 * interconnection), and what it shares with it. Give one or more to the component's {@code upstreams} option: in
 * Java, YAML beans, or Spring Boot properties ({@code camel.component.gb28181.upstreams[0].address=10.0.0.1:5060}).
 * <p>
 * Without {@code sharedDeviceIds}, {@code sharedChannelIds} and {@code shareRoute} every channel is shared.
 */
public class Gb28181Upstream {

    private String name;
    private String address;
    private String serverId;
    private String domain;
    private String transport = "UDP";
    private String localId;
    private String username;
    private String password;
    private int expires = 3600;
    private long keepaliveInterval = 60_000;
    private int keepaliveMisses = 3;
    private long retryMax = 60_000;
    private int itemsPerMessage;
    private long messageInterval;
    private long requestTimeout = 10_000;
    private String sharedDeviceIds;
    private String sharedChannelIds;
    private String shareRoute;

    /** The protocol settings: our id defaults to the platform's own. */
    UpstreamSettings settings(String platformId) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("The upstream " + (name != null ? name : serverId)
                                               + " needs an address (host:port)");
        }
        return UpstreamSettings.builder().name(name).address(address).serverId(serverId).domain(domain)
                .transport(transport).localId(localId != null && !localId.isBlank() ? localId : platformId)
                .username(username).password(password != null && !password.isEmpty() ? password : null)
                .expires(expires).keepaliveIntervalMillis(keepaliveInterval).keepaliveMisses(keepaliveMisses)
                .retryMaxMillis(retryMax).itemsPerMessage(itemsPerMessage).messageIntervalMillis(messageInterval)
                .requestTimeoutMillis(requestTimeout).build();
    }

    static Set<String> ids(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** What logs and events call it; default its server id. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Where it listens: host:port (IPv6 in brackets); the port defaults to 5060. Required. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Its 20-digit SIP id. Required. */
    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    /** Its SIP domain; default the first ten digits of its id. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    /** UDP or TCP; default UDP. */
    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    /** Our 20-digit id towards it; default the platform's serverId. */
    public String getLocalId() {
        return localId;
    }

    public void setLocalId(String localId) {
        this.localId = localId;
    }

    /** The digest username; default our id. */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** The password it gave us; none when it asks for none. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The registration lifetime to ask for, in seconds; default 3600. Refreshed at three quarters of it. */
    public int getExpires() {
        return expires;
    }

    public void setExpires(int expires) {
        this.expires = expires;
    }

    /** Milliseconds between keepalives; default 60000. */
    public long getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(long keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    /** Keepalives unanswered in a row after which we register again; default 3. */
    public int getKeepaliveMisses() {
        return keepaliveMisses;
    }

    public void setKeepaliveMisses(int keepaliveMisses) {
        this.keepaliveMisses = keepaliveMisses;
    }

    /** The longest wait, in milliseconds, between attempts to register after a failure (from 1 s, doubling). */
    public long getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(long retryMax) {
        this.retryMax = retryMax;
    }

    /**
     * Catalog and record items per answer MESSAGE over TCP; default 0: 100. Over UDP a MESSAGE carries as many as fit
     * its 1300 bytes (RFC 3261 18.1.1), and an answer too big for UDP goes over TCP (GB/T 28181-2022 Annex M).
     */
    public int getItemsPerMessage() {
        return itemsPerMessage;
    }

    public void setItemsPerMessage(int itemsPerMessage) {
        this.itemsPerMessage = itemsPerMessage;
    }

    /**
     * The least milliseconds between two MESSAGEs of one answer; default 0. Each part also waits for the answer to
     * the previous one, so a slow upper platform is never flooded.
     */
    public long getMessageInterval() {
        return messageInterval;
    }

    public void setMessageInterval(long messageInterval) {
        this.messageInterval = messageInterval;
    }

    /** Milliseconds a device may take to answer what the upper platform asks of it; default 10000. */
    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Comma-separated devices whose channels are shared. */
    public String getSharedDeviceIds() {
        return sharedDeviceIds;
    }

    public void setSharedDeviceIds(String sharedDeviceIds) {
        this.sharedDeviceIds = sharedDeviceIds;
    }

    /** Comma-separated channels shared whatever their device. */
    public String getSharedChannelIds() {
        return sharedChannelIds;
    }

    public void setSharedChannelIds(String sharedChannelIds) {
        this.sharedChannelIds = sharedChannelIds;
    }

    /**
     * An endpoint (a direct: route, say) that has the last word on each channel: it gets the DeviceChannel as body
     * and the CamelGb28181DeviceId and CamelGb28181ChannelId headers, and shares the channel when the body it leaves
     * converts to true.
     */
    public String getShareRoute() {
        return shareRoute;
    }

    public void setShareRoute(String shareRoute) {
        this.shareRoute = shareRoute;
    }

    @Override
    public String toString() {
        return "Gb28181Upstream[" + (name != null ? name : serverId) + " at " + address + "]";
    }
}

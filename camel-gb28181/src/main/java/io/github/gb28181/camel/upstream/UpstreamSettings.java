package io.github.gb28181.camel.upstream;

import java.util.Locale;
import java.util.Objects;

/**
 * One upper platform we register to, as a lower platform (cascade) or as a device (the device role): where it is,
 * who it is, who we are towards it, and how we keep the registration alive. Build it with {@link #builder()}.
 *
 * @param name                   what logs and events call it (default: its server id)
 * @param serverId               its 20-digit SIP id
 * @param domain                 its SIP domain (default: the first ten digits of its id)
 * @param host                   its address
 * @param port                   its SIP port
 * @param transport              UDP or TCP
 * @param localId                our 20-digit id towards it
 * @param username               the digest username (default: the local id)
 * @param password               the digest password, or null when it asks for none
 * @param expires                the registration lifetime we ask for, in seconds
 * @param keepaliveIntervalMillis how often we send Keepalive
 * @param keepaliveMisses        unanswered keepalives after which it is taken as gone and we register again
 * @param retryMinMillis         the first wait before registering again after a failure; it doubles up to
 *                               {@code retryMaxMillis}
 * @param retryMaxMillis         the longest wait between attempts
 * @param itemsPerMessage        catalog and record items per answer MESSAGE over TCP (0: 100); over UDP a MESSAGE
 *                               carries as many as fit its 1300 bytes (RFC 3261 18.1.1), and an answer too big for
 *                               UDP goes over TCP (GB/T 28181-2022 Annex M)
 * @param messageIntervalMillis  the least time between two MESSAGEs of one multi-part answer; each part also waits
 *                               for the previous part's answer
 * @param requestTimeoutMillis   how long an answer from below (a device asked on its behalf) may take
 */
public record UpstreamSettings(String name, String serverId, String domain, String host, int port, String transport,
        String localId, String username, String password, int expires, long keepaliveIntervalMillis,
        int keepaliveMisses, long retryMinMillis, long retryMaxMillis, int itemsPerMessage,
        long messageIntervalMillis, long requestTimeoutMillis) {

    public UpstreamSettings {
        requireId(serverId, "serverId");
        requireId(localId, "localId");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The upper platform's host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The upper platform's port is out of range: " + port);
        }
        transport = transport == null ? "UDP" : transport.trim().toUpperCase(Locale.ROOT);
        if (!transport.equals("UDP") && !transport.equals("TCP")) {
            throw new IllegalArgumentException("Unsupported transport to the upper platform '" + transport
                                               + "': use UDP or TCP");
        }
        if (expires < 60) {
            throw new IllegalArgumentException("Register expiry must be at least 60 seconds, not " + expires);
        }
        if (keepaliveIntervalMillis < 1000 || keepaliveMisses < 1) {
            throw new IllegalArgumentException("Keepalive interval must be at least 1 s and misses at least 1");
        }
        if (retryMinMillis < 1 || retryMaxMillis < retryMinMillis) {
            throw new IllegalArgumentException("Retry delays must be positive, the maximum no less than the minimum");
        }
        if (itemsPerMessage < 0 || itemsPerMessage > 10_000) {
            throw new IllegalArgumentException("Items per message must be 0 (automatic) to 10000: " + itemsPerMessage);
        }
        domain = domain == null || domain.isBlank() ? serverId.substring(0, 10) : domain;
        name = name == null || name.isBlank() ? serverId : name;
        username = username == null || username.isBlank() ? localId : username;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The SIP domain of our own id, for From and To: its first ten digits (the centre code). */
    public String localDomain() {
        return localId.substring(0, 10);
    }

    public boolean tcp() {
        return "TCP".equals(transport);
    }

    /** host:port, as logs and events show it. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The records a MESSAGE of an answer carries over TCP. */
    public int tcpItemsPerMessage() {
        return itemsPerMessage > 0 ? itemsPerMessage : 100;
    }

    private static void requireId(String id, String what) {
        if (id == null || !id.matches("\\d{20}")) {
            throw new IllegalArgumentException(what + " must be a 20-digit GB/T 28181 id, not '" + id + "'");
        }
    }

    @Override
    public String toString() {
        // the password stays out of logs
        return "Upstream[" + name + " " + serverId + "@" + address() + "/" + transport + " as " + localId + "]";
    }

    /** Settings with GB/T 28181's usual values until told otherwise. */
    public static final class Builder {
        private String name;
        private String serverId;
        private String domain;
        private String host;
        private int port = 5060;
        private String transport = "UDP";
        private String localId;
        private String username;
        private String password;
        private int expires = 3600;
        private long keepaliveIntervalMillis = 60_000;
        private int keepaliveMisses = 3;
        private long retryMinMillis = 1_000;
        private long retryMaxMillis = 60_000;
        private int itemsPerMessage;
        private long messageIntervalMillis;
        private long requestTimeoutMillis = 10_000;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code host:port} (IPv6 in brackets); the port defaults to 5060. */
        public Builder address(String address) {
            String a = Objects.requireNonNull(address, "address").trim();
            int colon = a.lastIndexOf(':');
            boolean bracketed = a.startsWith("[");
            if (colon > 0 && (!bracketed || a.lastIndexOf(']') < colon)) {
                try {
                    port = Integer.parseInt(a.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Expected host:port for the upper platform, not " + address, e);
                }
                a = a.substring(0, colon);
            }
            host = bracketed ? a.substring(1, a.length() - 1) : a;
            return this;
        }

        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        public Builder localId(String localId) {
            this.localId = localId;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder expires(int expires) {
            this.expires = expires;
            return this;
        }

        public Builder keepaliveIntervalMillis(long keepaliveIntervalMillis) {
            this.keepaliveIntervalMillis = keepaliveIntervalMillis;
            return this;
        }

        public Builder keepaliveMisses(int keepaliveMisses) {
            this.keepaliveMisses = keepaliveMisses;
            return this;
        }

        public Builder retryMinMillis(long retryMinMillis) {
            this.retryMinMillis = retryMinMillis;
            return this;
        }

        public Builder retryMaxMillis(long retryMaxMillis) {
            this.retryMaxMillis = retryMaxMillis;
            return this;
        }

        public Builder itemsPerMessage(int itemsPerMessage) {
            this.itemsPerMessage = itemsPerMessage;
            return this;
        }

        public Builder messageIntervalMillis(long messageIntervalMillis) {
            this.messageIntervalMillis = messageIntervalMillis;
            return this;
        }

        public Builder requestTimeoutMillis(long requestTimeoutMillis) {
            this.requestTimeoutMillis = requestTimeoutMillis;
            return this;
        }

        public UpstreamSettings build() {
            return new UpstreamSettings(name, serverId, domain, host, port, transport, localId, username, password,
                    expires, keepaliveIntervalMillis, keepaliveMisses, retryMinMillis, retryMaxMillis, itemsPerMessage,
                    messageIntervalMillis, requestTimeoutMillis);
        }
    }
}

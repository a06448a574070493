package io.github.gb28181.camel;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.gb28181.camel.concurrent.ThreadSource;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformCluster;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressBinding;
import io.github.gb28181.camel.sip.auth.AddressRange;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import io.github.gb28181.camel.sip.auth.DigestAlgorithm;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import io.github.gb28181.camel.sip.transport.OverloadSettings;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.sip.transport.TcpLimits;

/**
 * Translates the Camel configuration into the protocol layer's settings.
 */
final class PlatformServers {

    private static final int MAX_MESSAGE_SIZE = 1024 * 1024;
    private static final long NONCE_TTL_MILLIS = 5 * 60_000;

    private PlatformServers() {
    }

    /**
     * The options the SIP server of one host:port is built from: endpoints that share it must agree on every one.
     * The producer defaults are not here (each producer applies its own), nor host and port (they are the key).
     */
    static final Map<String, Function<Gb28181Configuration, Object>> SERVER_OPTIONS = serverOptions();
    /** Server options whose values never go into a message. */
    private static final Set<String> SECRETS = Set.of("password", "devicePasswords");

    static String key(Gb28181Configuration config) {
        return config.getHost() + ":" + config.getPort();
    }

    private static Map<String, Function<Gb28181Configuration, Object>> serverOptions() {
        Map<String, Function<Gb28181Configuration, Object>> options = new LinkedHashMap<>();
        options.put("serverId", Gb28181Configuration::getServerId);
        options.put("domain", Gb28181Configuration::getDomain);
        options.put("transports", Gb28181Configuration::getTransports);
        options.put("advertisedAddress", Gb28181Configuration::getAdvertisedAddress);
        options.put("realm", Gb28181Configuration::getRealm);
        options.put("password", Gb28181Configuration::getPassword);
        options.put("devicePasswords", Gb28181Configuration::getDevicePasswords);
        options.put("credentialLookup", Gb28181Configuration::getCredentialLookup);
        options.put("digestQop", Gb28181Configuration::isDigestQop);
        options.put("digestAlgorithm", Gb28181Configuration::getDigestAlgorithm);
        options.put("gbVersion", Gb28181Configuration::getGbVersion);
        options.put("strictUsername", Gb28181Configuration::isStrictUsername);
        options.put("maxAuthFailures", Gb28181Configuration::getMaxAuthFailures);
        options.put("authLockout", Gb28181Configuration::getAuthLockout);
        options.put("allowedDevices", Gb28181Configuration::getAllowedDevices);
        options.put("deniedDevices", Gb28181Configuration::getDeniedDevices);
        options.put("allowedAddresses", Gb28181Configuration::getAllowedAddresses);
        options.put("deniedAddresses", Gb28181Configuration::getDeniedAddresses);
        options.put("deviceIdPattern", Gb28181Configuration::getDeviceIdPattern);
        options.put("deviceAddressBinding", Gb28181Configuration::getDeviceAddressBinding);
        options.put("tcpMessageTimeout", Gb28181Configuration::getTcpMessageTimeout);
        options.put("tcpIdleTimeout", Gb28181Configuration::getTcpIdleTimeout);
        options.put("maxTcpConnectionsPerAddress", Gb28181Configuration::getMaxTcpConnectionsPerAddress);
        options.put("trustedProxies", Gb28181Configuration::getTrustedProxies);
        options.put("answerAfterProcessing", Gb28181Configuration::isAnswerAfterProcessing);
        options.put("registerDateHeader", Gb28181Configuration::isRegisterDateHeader);
        options.put("keepaliveTimeout", Gb28181Configuration::getKeepaliveTimeout);
        options.put("aggregationTimeout", Gb28181Configuration::getAggregationTimeout);
        options.put("overloadQueueSize", Gb28181Configuration::getOverloadQueueSize);
        options.put("overloadPriorityQueueSize", Gb28181Configuration::getOverloadPriorityQueueSize);
        options.put("overloadMaxDelay", Gb28181Configuration::getOverloadMaxDelay);
        options.put("overloadRetryAfter", Gb28181Configuration::getOverloadRetryAfter);
        options.put("queryRate", Gb28181Configuration::getQueryRate);
        options.put("maxQueriesInFlight", Gb28181Configuration::getMaxQueriesInFlight);
        return java.util.Collections.unmodifiableMap(options);
    }

    /** How {@code wanted} differs from the configuration a server runs with, secrets named but never shown. */
    static List<String> conflicts(Gb28181Configuration running, Gb28181Configuration wanted) {
        List<String> conflicts = new ArrayList<>();
        SERVER_OPTIONS.forEach((name, option) -> {
            Object had = option.apply(running);
            Object want = option.apply(wanted);
            if (!Objects.equals(had, want)) {
                conflicts.add(SECRETS.contains(name) ? name + " (differs)" : name + "=" + want + " (running: " + had + ")");
            }
        });
        return conflicts;
    }

    static PlatformServer create(Gb28181Configuration config, DeviceRegistry registry,
                                 MediaSessionRegistry mediaRegistry, PlatformCluster cluster, ThreadSource threads) {
        SipServerSettings sip = new SipServerSettings(config.getHost(), config.getPort(), transports(config),
                config.getAdvertisedAddress(), MAX_MESSAGE_SIZE, Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                new TcpLimits(config.getTcpMessageTimeout(), config.getTcpIdleTimeout(),
                        config.getMaxTcpConnectionsPerAddress()),
                overload(config));
        CredentialLookup credentials = config.getCredentialLookup() != null
                ? config.getCredentialLookup()
                : StaticCredentialLookup.of(blankToNull(config.getPassword()), config.getDevicePasswords());
        PlatformSettings platform = PlatformSettings.builder()
                .serverId(config.getServerId())
                .domain(config.getDomain())
                .realm(config.effectiveRealm())
                .credentials(credentials)
                .digestQop(config.isDigestQop())
                .registerDateHeader(config.isRegisterDateHeader())
                .keepaliveTimeoutMillis(config.getKeepaliveTimeout())
                .aggregationTimeoutMillis(config.getAggregationTimeout())
                .nonceTtlMillis(NONCE_TTL_MILLIS)
                .accessPolicy(accessPolicy(config))
                .addressBinding(new AddressBinding(config.getDeviceAddressBinding()))
                .answerAfterProcessing(config.isAnswerAfterProcessing())
                .gbVersion(gbVersion(config))
                .digestAlgorithm(digestAlgorithm(config))
                .trustedProxies(trustedProxies(config))
                .remoteWaiters(cluster != null ? cluster.remoteWaiters() : RemoteWaiters.NONE)
                .mediaSessions(cluster != null ? cluster.mediaSessions() : null)
                .build();
        return new PlatformServer(sip, platform, registry, mediaRegistry, threads);
    }

    static OverloadSettings overload(Gb28181Configuration config) {
        return new OverloadSettings(config.getOverloadQueueSize(), config.getOverloadPriorityQueueSize(),
                config.getOverloadMaxDelay(), (int) Math.max(1, Math.round(config.getOverloadRetryAfter() / 1000.0)),
                config.getQueryRate(), config.getMaxQueriesInFlight());
    }

    /** The revision the platform speaks: 2.0 or 3.0, as X-GB-Ver spells them. */
    static GbVersion gbVersion(Gb28181Configuration config) {
        GbVersion version = GbVersion.parse(config.getGbVersion());
        if (version == null || !(version.equals(GbVersion.V2_0) || version.equals(GbVersion.V3_0))) {
            throw new IllegalArgumentException("Unknown gbVersion '" + config.getGbVersion()
                                               + "'; use 3.0 (GB/T 28181-2022) or 2.0 (GB/T 28181-2016)");
        }
        return version;
    }

    /** The digest algorithm, failing at once when SM3 is named and Bouncy Castle is missing. */
    static DigestAlgorithm digestAlgorithm(Gb28181Configuration config) {
        String name = config.getDigestAlgorithm() == null ? "" : config.getDigestAlgorithm().strip();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (algorithm.token().equalsIgnoreCase(name)) {
                return algorithm.requireAvailable();
            }
        }
        throw new IllegalArgumentException("Unknown digestAlgorithm '" + config.getDigestAlgorithm()
                                           + "'; use MD5 or SM3");
    }

    static AccessPolicy accessPolicy(Gb28181Configuration config) {
        return new AccessPolicy(AccessPolicy.list(config.getAllowedDevices()), AccessPolicy.list(config.getDeniedDevices()),
                AccessPolicy.list(config.getAllowedAddresses()).stream().map(AddressRange::parse).toList(),
                AccessPolicy.list(config.getDeniedAddresses()).stream().map(AddressRange::parse).toList(),
                config.getMaxAuthFailures(), config.getAuthLockout(), config.isStrictUsername(),
                deviceIdPattern(config.getDeviceIdPattern()), Clock.systemUTC());
    }

    private static Pattern deviceIdPattern(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("deviceIdPattern is not a regular expression: " + e.getMessage(), e);
        }
    }

    static Predicate<InetAddress> trustedProxies(Gb28181Configuration config) {
        List<AddressRange> proxies = AccessPolicy.list(config.getTrustedProxies()).stream().map(AddressRange::parse)
                .toList();
        return address -> proxies.stream().anyMatch(range -> range.contains(address));
    }

    static Set<String> transports(Gb28181Configuration config) {
        Set<String> transports = new LinkedHashSet<>();
        for (String t : config.getTransports().split(",")) {
            String transport = t.trim().toUpperCase(Locale.ROOT);
            if (!transport.equals("UDP") && !transport.equals("TCP")) {
                throw new IllegalArgumentException("Unsupported SIP transport '" + t + "': use UDP, TCP or UDP,TCP");
            }
            transports.add(transport);
        }
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("At least one SIP transport (UDP, TCP) must be enabled");
        }
        return transports;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

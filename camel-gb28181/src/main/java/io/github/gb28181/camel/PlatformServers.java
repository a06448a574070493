package io.github.gb28181.camel;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressRange;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.transport.OverloadSettings;
import io.github.gb28181.camel.sip.transport.SipServerSettings;

/**
 * Translates the Camel configuration into the protocol layer's settings.
 */
final class PlatformServers {

    private static final int MAX_MESSAGE_SIZE = 1024 * 1024;
    private static final long NONCE_TTL_MILLIS = 5 * 60_000;

    private PlatformServers() {
    }

    static String key(Gb28181Configuration config) {
        return config.getHost() + ":" + config.getPort();
    }

    static PlatformServer create(Gb28181Configuration config, DeviceRegistry registry,
                                 MediaSessionRegistry mediaRegistry) {
        SipServerSettings sip = new SipServerSettings(config.getHost(), config.getPort(), transports(config),
                config.getAdvertisedAddress(), MAX_MESSAGE_SIZE, Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                overload(config));
        CredentialLookup credentials = config.getCredentialLookup() != null
                ? config.getCredentialLookup()
                : StaticCredentialLookup.of(blankToNull(config.getPassword()), config.getDevicePasswords());
        PlatformSettings platform = new PlatformSettings(config.getServerId(), config.getDomain(),
                config.effectiveRealm(), credentials, config.isDigestQop(), config.isRegisterDateHeader(), config.getKeepaliveTimeout(),
                config.getAggregationTimeout(), NONCE_TTL_MILLIS, null, accessPolicy(config), config.isLockDeviceAddress(),
                config.isAnswerAfterProcessing());
        return new PlatformServer(sip, platform, registry, mediaRegistry);
    }

    static OverloadSettings overload(Gb28181Configuration config) {
        return new OverloadSettings(config.getOverloadQueueSize(), config.getOverloadPriorityQueueSize(),
                config.getOverloadMaxDelay(), (int) Math.max(1, Math.round(config.getOverloadRetryAfter() / 1000.0)),
                config.getQueryRate(), config.getMaxQueriesInFlight());
    }

    static AccessPolicy accessPolicy(Gb28181Configuration config) {
        return new AccessPolicy(AccessPolicy.list(config.getAllowedDevices()), AccessPolicy.list(config.getDeniedDevices()),
                AccessPolicy.list(config.getAllowedAddresses()).stream().map(AddressRange::parse).toList(),
                AccessPolicy.list(config.getDeniedAddresses()).stream().map(AddressRange::parse).toList(),
                config.getMaxAuthFailures(), config.getAuthLockout(), config.isStrictUsername(), Clock.systemUTC());
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

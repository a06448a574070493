package io.github.gb28181.camel.sip.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Who may talk to the platform: allow and deny lists of device ids (a trailing {@code *} matches a prefix) and of
 * address ranges, and a lockout of those that keep failing authentication, so a password cannot be guessed at line
 * rate.
 * <p>
 * What is locked out is a device id <em>from one address</em>, and an address that fails for many ids, never a device
 * id as such: otherwise anyone could lock a real device out by sending wrong passwords in its name, and once its
 * registration lapsed it could not come back. A correct digest from the address a device is registered from is never
 * refused because of failures from elsewhere.
 * <p>
 * Lockouts refuse authentication (REGISTER), not the MESSAGEs of a device that has registered: those need a
 * registration anyway. An address's lockout does not refuse a device already registered from that address either.
 * Many cameras of a site often share one NAT address; one of them with a wrong password must not take the others off
 * the platform, while whoever guesses passwords there cannot try any new device id.
 */
public final class AccessPolicy {

    /** A device id from one address, or an address, locked out after too many wrong passwords. */
    public record Lockout(String deviceId, String address, int failures,
                          @JsonSerialize(using = ToStringSerializer.class) Instant until) {
    }

    private static final int MAX_TRACKED = 100_000;

    private final List<String> allowedDevices;
    private final List<String> deniedDevices;
    private final List<AddressRange> allowedAddresses;
    private final List<AddressRange> deniedAddresses;
    private final int maxFailures;
    private final long lockoutMillis;
    private final boolean strictUsername;
    private final Pattern deviceIds;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongAdder failedTotal = new LongAdder();
    private final LongAdder lockouts = new LongAdder();

    public AccessPolicy(List<String> allowedDevices, List<String> deniedDevices, List<AddressRange> allowedAddresses,
                        List<AddressRange> deniedAddresses, int maxFailures, long lockoutMillis, boolean strictUsername,
                        Pattern deviceIds, Clock clock) {
        this.allowedDevices = List.copyOf(allowedDevices);
        this.deniedDevices = List.copyOf(deniedDevices);
        this.allowedAddresses = List.copyOf(allowedAddresses);
        this.deniedAddresses = List.copyOf(deniedAddresses);
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockoutMillis;
        this.strictUsername = strictUsername;
        this.deviceIds = deviceIds;
        this.clock = clock;
    }

    /** GB/T 28181 ids: 20 decimal digits (centre, industry, type, serial). */
    public static final Pattern GB_DEVICE_ID = Pattern.compile("[0-9]{20}");

    /** An open policy: every GB id may try, five wrong passwords lock out for ten minutes. */
    public static AccessPolicy open(Clock clock) {
        return new AccessPolicy(List.of(), List.of(), List.of(), List.of(), 5, 600_000, false, GB_DEVICE_ID, clock);
    }

    /** @return whether a device may call itself this: ids end up in URIs, logs, events and stores */
    public boolean validDeviceId(String deviceId) {
        return deviceId != null && deviceIds.matcher(deviceId).matches();
    }

    /** What a valid device id looks like, for the answer to one that is not. */
    public String deviceIdPattern() {
        return deviceIds.pattern();
    }

    /** Comma-separated list, blanks dropped. */
    public static List<String> list(String csv) {
        return csv == null ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @return why the allow and deny lists refuse a request, or null when it may go on */
    public String refusal(String deviceId, String host) {
        if (!allowedDevices.isEmpty() && allowedDevices.stream().noneMatch(p -> matches(p, deviceId))) {
            return "Device not allowed";
        }
        if (deniedDevices.stream().anyMatch(p -> matches(p, deviceId))) {
            return "Device denied";
        }
        // every MESSAGE passes here: without address lists there is nothing to parse the address for
        InetAddress address = allowedAddresses.isEmpty() && deniedAddresses.isEmpty() ? null : literal(host);
        if (address != null) {
            if (!allowedAddresses.isEmpty() && allowedAddresses.stream().noneMatch(r -> r.contains(address))) {
                return "Address not allowed";
            }
            if (deniedAddresses.stream().anyMatch(r -> r.contains(address))) {
                return "Address denied";
            }
        }
        return null;
    }

    /**
     * @param  registeredFromHost the device holds a registration made from this host
     * @return                    why an authentication attempt is refused (the lists, then the lockouts), or null
     */
    public String authenticationRefusal(String deviceId, String host, boolean registeredFromHost) {
        String refusal = refusal(deviceId, host);
        if (refusal != null) {
            return refusal;
        }
        if (lockedOut(pair(deviceId, host)) || !registeredFromHost && lockedOut("address:" + host)) {
            return "Locked out after failed authentication";
        }
        return null;
    }

    /** Failed authentications since start. */
    public long failures() {
        return failedTotal.sum();
    }

    /** Lockouts since start. */
    public long lockouts() {
        return lockouts.sum();
    }

    /** Strict mode: the digest username must be the device id (no shared "admin" accounts). */
    public boolean usernameAllowed(String deviceId, String username) {
        return !strictUsername || username == null || username.equals(deviceId);
    }

    /**
     * Counts a failed authentication.
     *
     * @return the lockout it caused, or null when there is none yet (or it was already locked out)
     */
    public Lockout failed(String deviceId, String host) {
        failedTotal.increment();
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            purge(now);
        }
        Lockout byPair = count(pair(deviceId, host), deviceId, host, now);
        Lockout byAddress = count("address:" + host, deviceId, host, now);
        return byPair != null ? byPair : byAddress;
    }

    /**
     * A successful authentication clears the count of the device at that address, and the address's (it is a real
     * device there) unless the address is locked out: a registered device refreshing behind the same NAT does not lift
     * that.
     */
    public void succeeded(String deviceId, String host) {
        failures.remove(pair(deviceId, host));
        Instant now = clock.instant();
        failures.computeIfPresent("address:" + host, (key, f) -> f.lockedAt(now) ? f : null);
    }

    private Lockout count(String key, String deviceId, String host, Instant now) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            if (f.lockedUntil != null && now.isAfter(f.lockedUntil)) {
                f.count = 0;
                f.lockedUntil = null;
            }
            if (f.lockedUntil != null) {
                return null;
            }
            f.count++;
            if (maxFailures > 0 && f.count >= maxFailures) {
                f.lockedUntil = now.plusMillis(lockoutMillis);
                lockouts.increment();
                return new Lockout(deviceId, host, f.count, f.lockedUntil);
            }
            return null;
        }
    }

    private boolean lockedOut(String key) {
        Failures f = failures.get(key);
        return f != null && f.lockedAt(clock.instant());
    }

    private void purge(Instant now) {
        for (Iterator<Failures> it = failures.values().iterator(); it.hasNext();) {
            Failures f = it.next();
            if (f.lockedUntil == null || now.isAfter(f.lockedUntil)) {
                it.remove();
            }
        }
    }

    private static String pair(String deviceId, String host) {
        return "device:" + deviceId + "@" + host;
    }

    private static boolean matches(String pattern, String deviceId) {
        return pattern.endsWith("*") ? deviceId.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(deviceId);
    }

    private static InetAddress literal(String host) {
        try {
            return host != null && host.matches("[0-9a-fA-F:.]+") ? InetAddress.getByName(host) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static final class Failures {
        private int count;
        private Instant lockedUntil;

        synchronized boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}

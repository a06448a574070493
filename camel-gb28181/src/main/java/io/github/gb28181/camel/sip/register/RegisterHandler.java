package io.github.gb28181.camel.sip.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ListIterator;
import java.util.Optional;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.device.PresenceTracker;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.SipRequestHandler;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.DigestAuthenticator;
import io.github.gb28181.camel.sip.log.LogThrottle;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER: digest authentication, then registration, refresh or unregistration. The 200 OK carries the Contact
 * binding, Expires and, unless turned off, a Date header in the GB format that devices set their clocks from. Every
 * answer, successful or not, carries the platform's X-GB-Ver, and the registry keeps the device's (GB/T 28181-2022
 * Annex I).
 */
public final class RegisterHandler implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

    private final LogThrottle refusedLog = new LogThrottle();
    private final LogThrottle failedLog = new LogThrottle();
    private static final DateTimeFormatter GB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final int DEFAULT_EXPIRES = 3600;

    private final DigestAuthenticator authenticator;
    private final AccessPolicy policy;
    private final EventBus events;
    private final DeviceRegistry registry;
    private final PresenceTracker presence;
    private final boolean dateHeader;
    private final Clock clock;
    private final ExtensionHeaderImpl versionHeader;

    /** @param platformVersion what the platform announces in X-GB-Ver */
    public RegisterHandler(DigestAuthenticator authenticator, AccessPolicy policy, EventBus events,
                           DeviceRegistry registry, PresenceTracker presence, boolean dateHeader, Clock clock,
                           GbVersion platformVersion) {
        this.versionHeader = new ExtensionHeaderImpl(GbVersion.HEADER);
        versionHeader.setValue(platformVersion.toString());
        this.authenticator = authenticator;
        this.policy = policy;
        this.events = events;
        this.registry = registry;
        this.presence = presence;
        this.dateHeader = dateHeader;
        this.clock = clock;
    }

    @Override
    public void handle(IncomingRequest in) {
        in.answerWith(versionHeader);
        String deviceId = in.fromUser();
        if (deviceId == null || deviceId.isBlank()) {
            in.respond(Response.BAD_REQUEST, "From header has no device id");
            return;
        }
        if (!policy.validDeviceId(deviceId)) {
            String more = refusedLog.admit();
            if (more != null) {
                LOG.info("REGISTER from {} refused: device id {} does not match {}{}", in.remoteAddress(),
                        quoted(deviceId), policy.deviceIdPattern(), more);
            }
            in.respond(Response.BAD_REQUEST, "Invalid device id");
            return;
        }
        int expires = expires(in);
        if (expires < 0) {
            in.respond(Response.BAD_REQUEST, "Invalid Expires");
            return;
        }
        Instant now = clock.instant();
        if (in.repeated() && repeatAnswer(in, expires, now)) {
            return;
        }
        Optional<Device> known = registry.find(deviceId).filter(d -> holdsRegistration(d, now));
        boolean registeredHere = known.map(d -> in.remoteHost().equals(d.getRemoteHost())).orElse(false);
        String refusal = policy.authenticationRefusal(deviceId, in.remoteHost(), registeredHere);
        if (refusal != null) {
            String more = refusedLog.admit();
            if (more != null) {
                LOG.info("REGISTER of device {} from {} refused: {}{}", deviceId, in.remoteAddress(), refusal, more);
            }
            in.respond(Response.FORBIDDEN, refusal);
            return;
        }
        DigestAuthenticator.Result auth = authenticator.verify(in.request(), deviceId);
        if (auth.outcome() == DigestAuthenticator.Outcome.AUTHENTICATED
            && !policy.usernameAllowed(deviceId, auth.username())) {
            String more = failedLog.admit();
            if (more != null) {
                LOG.warn("REGISTER of device {} from {} refused: digest user {} is not the device id{}", deviceId,
                        in.remoteAddress(), auth.username(), more);
            }
            failed(deviceId, in);
            in.respond(Response.FORBIDDEN, "Digest username must be the device id");
            return;
        }
        switch (auth.outcome()) {
            case CHALLENGE, STALE -> {
                Response challenge = in.createResponse(Response.UNAUTHORIZED);
                challenge.setHeader(authenticator.challenge(auth.outcome() == DigestAuthenticator.Outcome.STALE));
                in.send(challenge);
                return;
            }
            case FORBIDDEN -> {
                String more = failedLog.admit();
                if (more != null) {
                    LOG.warn("REGISTER of device {} (digest user {}) from {} rejected: wrong password{}", deviceId,
                            auth.username(), in.remoteAddress(), more);
                }
                failed(deviceId, in);
                in.respond(Response.FORBIDDEN, "Authentication failed");
                return;
            }
            default -> policy.succeeded(deviceId, in.remoteHost());
        }
        boolean refresh = known.isPresent();
        ContactHeader contact = (ContactHeader) in.request().getHeader(ContactHeader.NAME);
        GbVersion version = GbVersion.parse(in.header(GbVersion.HEADER));
        Registration registration = new Registration(deviceId, auth.username(), in.remoteAddress(), in.transport(),
                expires, contact == null ? null : contact.getAddress().getURI().toString(), in.header("User-Agent"),
                version != null ? version.toString() : null, refresh, now);
        // the registry changes and the events are queued before the 200 goes out, so the device's first keepalive
        // finds it registered and its event follows the REGISTER; routes run on the event lanes, never delaying this
        // a line per device would be thousands a second when a site comes back from a power cut: the REGISTER and
        // ONLINE events and the transaction meters say it for routes and dashboards
        if (expires == 0) {
            LOG.debug("Device {} unregistered from {}", deviceId, in.remoteAddress());
            presence.unregistered(registration);
        } else {
            LOG.debug("Device {} {} from {}/{} for {} s", deviceId, refresh ? "refreshed" : "registered",
                    in.remoteAddress(), in.transport(), expires);
            presence.registered(registration, in.remoteHost(), in.remotePort(), in.path());
        }
        in.send(ok(in, expires, now));
    }

    /**
     * A retransmission of a REGISTER answered without a transaction moments ago gets the answer its first copy got,
     * and changes nothing: a registration is not made twice, a wrong password not counted twice. Only a challenge is
     * made anew (with a fresh nonce), as any unauthenticated REGISTER would be.
     *
     * @return false when the request is to be handled as a new one
     */
    private boolean repeatAnswer(IncomingRequest in, int expires, Instant now) {
        int earlier = in.earlierStatus();
        if (earlier == Response.UNAUTHORIZED) {
            return false;
        }
        if (earlier == Response.OK) {
            in.send(ok(in, expires, now));
        } else {
            in.repeatAnswer(); // nothing while the first copy is handled: the device sends it again
        }
        return true;
    }

    private Response ok(IncomingRequest in, int expires, Instant now) {
        ContactHeader contact = (ContactHeader) in.request().getHeader(ContactHeader.NAME);
        Response ok = in.createResponse(Response.OK);
        try {
            if (contact != null) {
                ok.setHeader(contact);
            }
            // RFC 3327: the registrar tells the device which Path it keeps
            for (ListIterator<?> path = in.request().getHeaders("Path"); path.hasNext(); ) {
                ok.addHeader((Header) ((Header) path.next()).clone());
            }
            ok.setHeader(SipFactories.HEADERS.createExpiresHeader(expires));
            if (dateHeader) {
                // jain-sip's DateHeader only speaks RFC 1123; GB devices expect their own format
                ExtensionHeaderImpl date = new ExtensionHeaderImpl("Date");
                date.setValue(LocalDateTime.ofInstant(now, ZoneId.systemDefault()).format(GB_DATE));
                ok.setHeader(date);
            }
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private void failed(String deviceId, IncomingRequest in) {
        AccessPolicy.Lockout lockout = policy.failed(deviceId, in.remoteHost());
        if (lockout != null) {
            LOG.warn("Device {} from address {} locked out until {} after {} failed authentications", deviceId,
                    in.remoteHost(), lockout.until(), lockout.failures());
            events.publish(DeviceEvent.builder(EventType.AUTH_LOCKED, deviceId).body(lockout)
                    .reachableAt(in.remoteAddress(), in.transport()).callId(in.callId()).build());
        }
    }

    /** A hostile id, quoted as it can be logged: at most 40 characters, control characters escaped. */
    private static String quoted(String id) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "...(" + id.length() + " characters)" : id;
        StringBuilder sb = new StringBuilder("'");
        shown.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : (char) c));
        return sb.append('\'').toString();
    }

    private static boolean holdsRegistration(Device device, Instant now) {
        return device.isRegistered() && device.getExpiresAt() != null && now.isBefore(device.getExpiresAt());
    }

    private static int expires(IncomingRequest in) {
        ExpiresHeader header = (ExpiresHeader) in.request().getHeader(ExpiresHeader.NAME);
        if (header != null) {
            return header.getExpires();
        }
        ContactHeader contact = (ContactHeader) in.request().getHeader(ContactHeader.NAME);
        if (contact != null && contact.getExpires() >= 0) {
            return contact.getExpires();
        }
        return DEFAULT_EXPIRES;
    }

}

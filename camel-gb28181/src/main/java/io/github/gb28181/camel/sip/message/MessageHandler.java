package io.github.gb28181.camel.sip.message;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.device.PresenceTracker;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpException;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.SipRequestHandler;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressBinding;
import io.github.gb28181.camel.sip.log.LogThrottle;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE: checks the sender is a registered device, decodes the MANSCDP body in whatever charset the device used,
 * answers, and hands the document on. A device that is not registered gets 403, which makes real devices register
 * again (Hikvision and Dahua re-register after their keepalives fail).
 */
public final class MessageHandler implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final LogThrottle badBodyLog = new LogThrottle();
    private final LogThrottle unregisteredLog = new LogThrottle();
    private final LogThrottle elsewhereLog = new LogThrottle();

    private final ManscdpCodec codec;
    private final DeviceRegistry registry;
    private final PresenceTracker presence;
    private final ManscdpRouter router;
    private final Function<String, Optional<String>> deviceOfCall;
    private final AccessPolicy policy;
    private final AddressBinding addressBinding;
    private final boolean answerAfterProcessing;

    /**
     * @param deviceOfCall the device whose media session has a Call-ID: MediaStatus may come in that session's Call-ID
     *                     from an id that is neither the device nor one of its known channels
     */
    public MessageHandler(ManscdpCodec codec, DeviceRegistry registry, PresenceTracker presence,
                          ManscdpRouter router, Function<String, Optional<String>> deviceOfCall, AccessPolicy policy,
                          AddressBinding addressBinding, boolean answerAfterProcessing) {
        this.policy = policy;
        this.answerAfterProcessing = answerAfterProcessing;
        this.addressBinding = addressBinding;
        this.codec = codec;
        this.registry = registry;
        this.presence = presence;
        this.router = router;
        this.deviceOfCall = deviceOfCall;
    }

    @Override
    public void handle(IncomingRequest in) {
        if (in.repeated()) {
            // a retransmission whose sender missed our answer: it hears it again, routes do not hear the message twice
            in.repeatAnswer();
            return;
        }
        String contentType = in.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("manscdp")) {
            in.respond(Response.UNSUPPORTED_MEDIA_TYPE, "Only Application/MANSCDP+xml is accepted");
            return;
        }
        String refusal = in.fromUser() == null ? null : policy.refusal(in.fromUser(), in.remoteHost());
        if (refusal != null) {
            in.respond(Response.FORBIDDEN, refusal);
            return;
        }
        byte[] body = in.request().getRawContent();
        ManscdpMessage message;
        try {
            message = codec.decode(body);
        } catch (ManscdpException e) {
            int status = e.getReason() == ManscdpException.Reason.TOO_LARGE ? Response.MESSAGE_TOO_LARGE
                    : Response.BAD_REQUEST;
            String more = badBodyLog.admit();
            if (more != null) {
                LOG.warn("Rejected MESSAGE from {} ({}), Call-ID {}: {}{}", in.fromUser(), in.remoteAddress(),
                        in.callId(), e.getMessage(), more);
            }
            in.respond(status, "Bad MANSCDP body");
            return;
        }
        String deviceId = senderId(in);
        if (deviceId != null && !fromWhereItRegistered(deviceId, in)) {
            in.respond(Response.FORBIDDEN, "Device registered from another address");
            return;
        }
        Device device = deviceId == null ? null
                : presence.heardFrom(deviceId, in.remoteHost(), in.remotePort(), in.transport(),
                        "Keepalive".equalsIgnoreCase(message.getCmdType()));
        if (device == null) {
            String more = unregisteredLog.admit();
            if (more != null) {
                LOG.info("MESSAGE {} from unregistered device {} at {}: 403, the device must register{}",
                        message.getCmdType(), in.fromUser(), in.remoteAddress(), more);
            }
            in.respond(Response.FORBIDDEN, "Device not registered");
            return;
        }
        followVersion(device, in);
        if (message.getDeclaredEncoding() != null && message.getCharset() != null) {
            // write to the device in the charset it declares; an undeclared ASCII body says nothing about it
            device.setCharset(message.getCharset().name());
        }
        if (!answerAfterProcessing) {
            in.respond(Response.OK);
            router.route(device, message, in);
            return;
        }
        // the device learns whether its message was processed: a failed route answers 500, and it may retry
        router.route(device, message, in).whenComplete((v, failure) -> {
            if (failure != null) {
                in.respond(Response.SERVER_INTERNAL_ERROR, "Processing failed");
            } else {
                in.respond(Response.OK);
            }
        });
    }

    /**
     * Annex I puts X-GB-Ver on REGISTER only, but a device that repeats it on other requests says the same thing:
     * when it differs from what the registry holds (a firmware change between registrations), the registry follows.
     */
    private void followVersion(Device device, IncomingRequest in) {
        GbVersion said = GbVersion.parse(in.header(GbVersion.HEADER));
        if (said != null && !said.equals(device.getGbVersion())) {
            device.setGbVersion(said);
            registry.persist(device);
        }
    }

    /**
     * The id of the device that sent the message. The From user is normally the device; some devices put the id of
     * one of their channels there (MediaStatus), so a channel id is resolved to the device that owns it.
     */
    private String senderId(IncomingRequest in) {
        String fromUser = in.fromUser();
        if (fromUser == null) {
            return null;
        }
        return registry.owner(fromUser).map(Device::getDeviceId).or(() -> deviceOfCall.apply(in.callId()))
                .orElse(fromUser);
    }

    /** A request in a device's name from elsewhere is refused: following it would hand the device to the sender. */
    private boolean fromWhereItRegistered(String deviceId, IncomingRequest in) {
        Device device = registry.find(deviceId).orElse(null);
        if (device == null
            || addressBinding.admits(device.getRemoteHost(), device.getRemotePort(), in.remoteHost(), in.remotePort())) {
            return true;
        }
        String more = elsewhereLog.admit();
        if (more != null) {
            LOG.warn("MESSAGE in the name of device {} from {}, which registered from {}: 403 until it registers"
                     + " from there{}", deviceId, in.remoteAddress(), device.getRemoteAddress(), more);
        }
        return false;
    }
}

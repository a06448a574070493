package io.github.gb28181.camel.upstream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.gb28181.camel.device.DeviceException;
import io.github.gb28181.camel.manscdp.model.MediaStatusNotify;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.Dialog;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.SubjectHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upper platform's media sessions with us: INVITE for a channel answered once the lower side has the media
 * flowing to where the offer asks (or refused with why it cannot), CANCEL before that, INFO passed down, and BYE from
 * either side, which ends the session on both. A session that ends below reaches the upper platform as BYE, or, at
 * the end of a recording, as MediaStatus 121, after which the upper platform sends BYE (or we do, if it does not).
 */
final class UpstreamSessions {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamSessions.class);

    private final UpstreamLink link;
    private final RequestSender sender;
    private final ScheduledExecutorService timer;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private static final class Session {
        private final IncomingRequest invite;
        private final Dialog dialog;
        private final String channelId;
        private volatile boolean answered;
        private volatile boolean over;

        private Session(IncomingRequest invite, Dialog dialog, String channelId) {
            this.invite = invite;
            this.dialog = dialog;
            this.channelId = channelId;
        }
    }

    UpstreamSessions(UpstreamLink link, RequestSender sender, ScheduledExecutorService timer) {
        this.link = link;
        this.sender = sender;
        this.timer = timer;
    }

    boolean owns(String callId) {
        return sessions.containsKey(callId);
    }

    Set<String> ids() {
        return Set.copyOf(sessions.keySet());
    }

    void onInvite(IncomingRequest in) throws Exception {
        String callId = in.callId();
        if (sessions.containsKey(callId)) {
            // a re-INVITE: the media stays as agreed
            in.respond(Response.NOT_ACCEPTABLE_HERE, "Session changes are not supported");
            return;
        }
        String channelId = UpstreamLink.requestUser(in);
        LowerSide side = link.side();
        if (channelId == null || !side.serves(channelId)) {
            in.respond(Response.NOT_FOUND, "Not shared");
            return;
        }
        byte[] raw = in.request().getRawContent();
        String sdp = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (sdp.isBlank()) {
            in.respond(Response.NOT_ACCEPTABLE_HERE, "An offer (SDP) is required");
            return;
        }
        in.respond(Response.TRYING);
        Session session = new Session(in, sender.newServerDialog(in.transaction()), channelId);
        sessions.put(callId, session);
        SubjectHeader subject = (SubjectHeader) in.request().getHeader(SubjectHeader.NAME);
        UpstreamInvite invite = new UpstreamInvite(link.settings().name(), callId, channelId,
                subject != null ? subject.getSubject() : null, sdp);
        link.hook().request(link.traffic(UpstreamTraffic.Direction.IN, Request.INVITE, null, callId, sdp)
                .withTarget(channelId)).whenComplete((veto, error) -> {
                    if (error != null || veto != null) {
                        refuse(session, callId, error != null ? Response.SERVER_INTERNAL_ERROR : veto, null);
                    } else {
                        side.invite(invite).whenComplete((answer, failure) -> answered(session, callId, answer,
                                failure));
                    }
                });
    }

    private void answered(Session session, String callId, String answer, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            int status = cause instanceof DeviceException de ? de.getStatusCode()
                    : cause instanceof TimeoutException ? Response.REQUEST_TIMEOUT
                    : cause instanceof IllegalArgumentException ? Response.NOT_ACCEPTABLE_HERE
                    : Response.SERVER_INTERNAL_ERROR;
            LOG.info("INVITE {} of {} for {} refused: {}", callId, link.settings().name(), session.channelId,
                    cause.getMessage());
            refuse(session, callId, status, cause.getMessage());
            return;
        }
        if (session.over) {
            // cancelled while the media was being set up: give back what was set up
            link.side().bye(callId);
            return;
        }
        try {
            Response ok = session.invite.createResponse(Response.OK);
            ok.setHeader(link.requests().contact());
            ok.setContent(answer, SipFactories.HEADERS.createContentTypeHeader("application", "sdp"));
            session.invite.send(ok);
            session.answered = true;
            LOG.info("Upper platform {} receives channel {} in session {}", link.settings().name(),
                    session.channelId, callId);
        } catch (Exception e) {
            LOG.warn("Cannot answer INVITE {} of {}: {}", callId, link.settings().name(), e.getMessage());
            sessions.remove(callId);
            link.side().bye(callId);
        }
    }

    private void refuse(Session session, String callId, int status, String reason) {
        sessions.remove(callId, session);
        session.over = true;
        if (status < 300 || status > 699) {
            status = Response.SERVER_INTERNAL_ERROR;
        }
        session.invite.respond(status, reason == null ? null : reason.replaceAll("[\\r\\n]", " "));
    }

    void onAck(IncomingRequest in) {
        // the 200 was taken: nothing to do, the media already flows
    }

    void onBye(IncomingRequest in) {
        Session session = sessions.remove(in.callId());
        if (session == null) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        session.over = true;
        in.respond(Response.OK);
        LOG.info("Upper platform {} ended session {} of channel {}", link.settings().name(), in.callId(),
                session.channelId);
        publish(in, Request.BYE);
        link.side().bye(in.callId());
    }

    void onCancel(IncomingRequest in) {
        in.respond(Response.OK);
        Session session = sessions.remove(in.callId());
        if (session != null && !session.answered) {
            session.over = true;
            session.invite.respond(Response.REQUEST_TERMINATED);
            link.side().bye(in.callId());
        }
    }

    void onInfo(IncomingRequest in) {
        Session session = sessions.get(in.callId());
        if (session == null) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) in.request().getHeader(ContentTypeHeader.NAME);
        String contentType = type == null ? "Application/MANSRTSP" : type.getContentType() + "/" + type.getContentSubType();
        byte[] body = in.request().getRawContent() == null ? new byte[0] : in.request().getRawContent();
        link.hook().request(link.traffic(UpstreamTraffic.Direction.IN, Request.INFO, null, in.callId(),
                new String(body, StandardCharsets.UTF_8)).withTarget(session.channelId))
                .whenComplete((veto, error) -> {
                    if (error != null || veto != null) {
                        in.respond(error != null ? Response.SERVER_INTERNAL_ERROR : veto);
                        return;
                    }
                    link.side().info(in.callId(), contentType, body).whenComplete((status, failure) -> in.respond(
                            failure != null ? statusOf(failure) : status));
                });
    }

    /** The session ended below: tell the upper platform. */
    void endedBelow(String callId, boolean endOfFile) {
        Session session = sessions.get(callId);
        if (session == null) {
            return;
        }
        if (!session.answered) {
            refuse(session, callId, Response.TEMPORARILY_UNAVAILABLE, "The channel's stream ended");
            return;
        }
        if (endOfFile) {
            sendMediaStatus(session, callId);
            // the upper platform answers MediaStatus 121 with BYE; if it does not, we end the session ourselves
            timer.schedule(() -> {
                if (sessions.remove(callId, session)) {
                    bye(session, callId);
                }
            }, link.settings().requestTimeoutMillis(), TimeUnit.MILLISECONDS);
        } else if (sessions.remove(callId, session)) {
            bye(session, callId);
        }
    }

    private void sendMediaStatus(Session session, String callId) {
        MediaStatusNotify status = new MediaStatusNotify();
        status.setSn(link.sn().next());
        status.setDeviceId(session.channelId);
        status.setNotifyType(121);
        try {
            Request message = session.dialog.createRequest(Request.MESSAGE);
            message.setContent(link.codec().encode(status, link.codec().getDefaultCharset()),
                    SipFactories.HEADERS.createContentTypeHeader(UpstreamRequests.MANSCDP_TYPE,
                            UpstreamRequests.MANSCDP_SUBTYPE));
            sender.send(message, session.dialog);
            LOG.info("Session {} of {} reached the end of its recording: MediaStatus 121 sent", callId,
                    link.settings().name());
        } catch (Exception e) {
            LOG.debug("Cannot send MediaStatus for session {}: {}", callId, e.getMessage());
        }
    }

    private void bye(Session session, String callId) {
        session.over = true;
        try {
            Request bye = session.dialog.createRequest(Request.BYE);
            sender.send(bye, session.dialog);
            LOG.info("Session {} of channel {} ended below: BYE sent to {}", callId, session.channelId,
                    link.settings().name());
        } catch (Exception e) {
            LOG.debug("Cannot send BYE for session {} to {}: {}", callId, link.settings().name(), e.getMessage());
        }
        link.side().bye(callId);
    }

    /** Lets routes see a request that is acted on whatever they say (a BYE cannot be refused). */
    private void publish(IncomingRequest in, String method) {
        link.hook().request(link.traffic(UpstreamTraffic.Direction.IN, method, null, in.callId(), null));
    }

    /** Ends every session with BYE (we are stopping). */
    void close() {
        for (String callId : List.copyOf(sessions.keySet())) {
            Session session = sessions.remove(callId);
            if (session == null) {
                continue;
            }
            if (session.answered) {
                bye(session, callId);
            } else {
                session.over = true;
                session.invite.respond(Response.SERVICE_UNAVAILABLE);
                link.side().bye(callId);
            }
        }
    }

    private static int statusOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof DeviceException de ? de.getStatusCode() : Response.SERVER_INTERNAL_ERROR;
    }
}

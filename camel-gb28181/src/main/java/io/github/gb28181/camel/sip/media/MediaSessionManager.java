package io.github.gb28181.camel.sip.media;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.device.DeviceUnsupportedException;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.sdp.MansRtsp;
import io.github.gb28181.camel.sdp.SdpAnswer;
import io.github.gb28181.camel.sdp.SdpOffer;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sdp.SsrcAllocator;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.SipRequestHandler;
import io.github.gb28181.camel.sip.command.DeviceCommander;
import io.github.gb28181.camel.sip.log.LogThrottle;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live, playback and download sessions: INVITE with GB28181 SDP and ACK, MANSRTSP INFO to pause, resume, change speed
 * and seek, BYE from either side, and the end of a recording announced by MediaStatus 121. The RTP side learns each
 * session's SSRC through the {@link MediaSessionRegistry}, so frames carry device and channel. Each session is written
 * to the {@link MediaSessionDirectory}, so the other nodes of a cluster list it, and a session another node holds is
 * ended there: a BYE asked of this node, or a MediaStatus that reached it, is handed to the holder.
 */
public final class MediaSessionManager implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSessionManager.class);

    public static final String BYE_SENT = "BYE_SENT";
    public static final String DEVICE_BYE = "DEVICE_BYE";
    public static final String MEDIA_END = "MEDIA_END";
    public static final String DEVICE_OFFLINE = "DEVICE_OFFLINE";
    public static final String SHUTDOWN = "SHUTDOWN";

    private final String serverId;
    private final RequestSender sender;
    private final DeviceCommander devices;
    private final SsrcAllocator ssrcs;
    private final MediaSessionRegistry mediaRegistry;
    private final MediaSessionDirectory directory;
    private final MediaSessionDirectory.Holder holder = this::endAsked;
    private final EventBus events;
    private final Clock clock;
    private static final LogThrottle MIRRORED_LOG = new LogThrottle();
    private static final LogThrottle DIRECTORY_LOG = new LogThrottle();
    /** How long the end of a recording waits for the node holding the session: it only sends a BYE. */
    private static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Active> sessions = new ConcurrentHashMap<>();

    public MediaSessionManager(String serverId, RequestSender sender, DeviceCommander devices, SsrcAllocator ssrcs,
                               MediaSessionRegistry mediaRegistry, MediaSessionDirectory directory, EventBus events,
                               Clock clock) {
        this.serverId = serverId;
        this.sender = sender;
        this.devices = devices;
        this.ssrcs = ssrcs;
        this.mediaRegistry = mediaRegistry;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        directory.serve(holder);
    }

    /** INVITEs the channel and completes with the session once the device accepted and we acknowledged. */
    public CompletableFuture<MediaSession> invite(MediaRequest ask, Duration timeout) {
        Device device;
        try {
            device = devices.resolve(ask.deviceId(), ask.channelId());
        } catch (DeviceUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        DeviceUnsupportedException unsupported = unsupported(device, ask);
        if (unsupported != null) {
            return CompletableFuture.failedFuture(unsupported);
        }
        String ssrc = ssrcs.allocate(ask.kind());
        Active session = new Active(device, ask, ssrc);
        AtomicBoolean abandoned = new AtomicBoolean();
        try {
            Request invite = sender.createRequest(Request.INVITE, device, ask.channelId());
            invite.setHeader(sender.platformContact(device.getTransport()));
            invite.setHeader(SipFactories.HEADERS.createSubjectHeader(
                    ask.channelId() + ":" + ssrc + "," + serverId + ":0"));
            String sdp = new SdpOffer(serverId, ask.channelId(), ask.kind(), ask.mediaHost(), ask.mediaPort(),
                    ask.transport(), ssrc, ask.startEpoch(), ask.endEpoch(), ask.downloadSpeed(),
                    ask.kind() == SessionKind.LIVE ? ask.streamNumber() : -1).encode();
            invite.setContent(sdp, SipFactories.HEADERS.createContentTypeHeader("application", "sdp"));
            session.callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            // announced before the INVITE leaves: a device may start streaming before its 200 OK arrives
            registry().announce(Long.parseLong(ssrc), session.info());
            CompletableFuture<Response> answered = sender.sendDialogCreating(invite, dialog -> session.dialog = dialog);
            return answered.thenApply(response -> accepted(session, response, abandoned))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((result, error) -> {
                        if (error == null) {
                            return result;
                        }
                        abandoned.set(true);
                        release(session);
                        throw new CompletionException(failure(device, error, timeout));
                    });
        } catch (ParseException | RuntimeException e) {
            release(session);
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A stream number or download speed the device said it does not offer (GB/T 28181-2022: the catalog's
     * StreamNumberList and DownloadSpeed, or VideoParamOpt's DownloadSpeed) is refused before anything is sent; one
     * the device never listed goes out, and the device decides.
     */
    private static DeviceUnsupportedException unsupported(Device device, MediaRequest ask) {
        DeviceChannel channel = device.getChannel(ask.channelId());
        if (ask.kind() == SessionKind.LIVE && ask.streamNumber() >= 0 && channel != null
            && !channel.streamNumbers().isEmpty() && !channel.streamNumbers().contains(ask.streamNumber())) {
            return new DeviceUnsupportedException(device.getDeviceId(), 488, "Channel " + ask.channelId()
                                                                            + " offers stream numbers "
                                                                            + channel.streamNumbers() + ", not "
                                                                            + ask.streamNumber());
        }
        if (ask.kind() == SessionKind.DOWNLOAD && ask.downloadSpeed() > 0) {
            List<Integer> speeds = channel != null && !channel.downloadSpeeds().isEmpty() ? channel.downloadSpeeds()
                    : device.getDownloadSpeeds();
            if (!speeds.isEmpty() && !speeds.contains(ask.downloadSpeed())) {
                return new DeviceUnsupportedException(device.getDeviceId(), 488, "Channel " + ask.channelId()
                                                                                + " downloads at speeds " + speeds
                                                                                + ", not " + ask.downloadSpeed());
            }
        }
        return null;
    }

    private MediaSession accepted(Active session, Response response, AtomicBoolean abandoned) {
        if (response.getStatusCode() >= 300) {
            throw new CompletionException(new DeviceRejectedException(session.device.getDeviceId(),
                    response.getStatusCode(), "Device " + session.device.getDeviceId() + " refused the "
                                              + session.ask.kind() + " INVITE for " + session.ask.channelId()
                                              + " with " + response.getStatusCode() + " " + response.getReasonPhrase()));
        }
        acknowledge(session, response);
        if (abandoned.get()) {
            // the caller gave up before the device answered: end what the device started
            sendBye(session);
            throw new CompletionException(new DeviceTimeoutException(session.device.getDeviceId(), "answered too late"));
        }
        SdpAnswer answer;
        try {
            answer = SdpAnswer.parse(new String(response.getRawContent() == null ? new byte[0] : response.getRawContent(),
                    StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            sendBye(session);
            throw new CompletionException(new DeviceRejectedException(session.device.getDeviceId(), 488,
                    "Device " + session.device.getDeviceId() + " answered the INVITE with unusable SDP: "
                                                                        + e.getMessage()));
        }
        session.answer = MirroredOffer.pointsAtUs(session.ask, answer) ? MirroredOffer.withoutAddress(answer) : answer;
        if (session.answer != answer) {
            String more = MIRRORED_LOG.admit();
            if (more != null) {
                LOG.warn("Device {} answered the tcp-active INVITE for {} with the platform's own media address {}:{}"
                         + " (it mirrored the offer): not connecting there; the stream is taken if the device"
                         + " connects to us{}", session.device.getDeviceId(), session.ask.channelId(),
                        answer.mediaHost(), answer.mediaPort(), more);
            }
        }
        if (answer.ssrc() != null && !answer.ssrc().equals(session.offeredSsrc) && answer.ssrc().matches("\\d{1,10}")) {
            // devices may pick their own y=: that is the SSRC in their RTP, so the media side must follow it
            registry().rekey(Long.parseLong(session.offeredSsrc), Long.parseLong(answer.ssrc()));
            ssrcs.reserve(answer.ssrc());
            session.ssrc = answer.ssrc();
        }
        session.state = MediaSession.State.ACTIVE;
        session.startedAt = clock.instant();
        // in the directory before the local list: a session ended at once then leaves nothing behind there
        share(session);
        sessions.put(session.callId, session);
        LOG.info("{} session {} of channel {} on device {} started, SSRC {}", session.ask.kind(), session.callId,
                session.ask.channelId(), session.device.getDeviceId(), session.ssrc);
        return session.view();
    }

    private void acknowledge(Active session, Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = session.dialog.createAck(cseq);
            session.dialog.sendAck(ack);
        } catch (Exception e) {
            LOG.warn("Cannot ACK the 200 OK of session {}: {}", session.callId, e.getMessage());
        }
    }

    public CompletableFuture<MediaSession> pause(String sessionId, Duration timeout) {
        return control(sessionId, s -> MansRtsp.pause(s.nextRtspCseq()), s -> s.state = MediaSession.State.PAUSED,
                timeout);
    }

    public CompletableFuture<MediaSession> resume(String sessionId, Duration timeout) {
        return control(sessionId, s -> MansRtsp.resume(s.nextRtspCseq(), s.scale), s -> s.state = MediaSession.State.ACTIVE,
                timeout);
    }

    public CompletableFuture<MediaSession> speed(String sessionId, double scale, Duration timeout) {
        if (scale == 0 || Double.isNaN(scale) || Math.abs(scale) > 64) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("scale must be non-zero, within +/-64"));
        }
        return control(sessionId, s -> MansRtsp.speed(s.nextRtspCseq(), scale), s -> s.scale = scale, timeout);
    }

    public CompletableFuture<MediaSession> seek(String sessionId, long seconds, Duration timeout) {
        if (seconds < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("seek seconds must not be negative"));
        }
        return control(sessionId, s -> MansRtsp.seek(s.nextRtspCseq(), s.scale, seconds),
                s -> s.state = MediaSession.State.ACTIVE, timeout);
    }

    /**
     * Passes an INFO body as it is (an upper platform's MANSRTSP, relayed by a cascade) to the session's device;
     * completes with the device's status, 408 when it did not answer in time, 481 for an unknown session.
     */
    public CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body, Duration timeout) {
        Active session = sessions.get(sessionId);
        if (session == null) {
            return CompletableFuture.completedFuture(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
        try {
            Request info = session.dialog.createRequest(Request.INFO);
            String[] type = contentType.split("/", 2);
            info.setContent(body, SipFactories.HEADERS.createContentTypeHeader(type[0],
                    type.length > 1 ? type[1] : "MANSRTSP"));
            return sender.send(info, session.dialog).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> error != null ? Response.REQUEST_TIMEOUT : response.getStatusCode());
        } catch (SipException | ParseException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Ends a session with BYE; completes once the device answered (or did not, in time). A session another node
     * holds is ended by that node, and this completes with what it answered.
     */
    public CompletableFuture<MediaSession> bye(String sessionId, Duration timeout) {
        Active session = sessions.remove(sessionId);
        if (session == null) {
            return elsewhere(sessionId)
                    .map(held -> handOver(held, MediaSessionDirectory.Ending.BYE, timeout))
                    .orElseGet(() -> CompletableFuture.failedFuture(unknown(sessionId)));
        }
        CompletableFuture<Response> sent = sendBye(session);
        MediaSession ended = end(session, BYE_SENT);
        return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((r, e) -> ended);
    }

    /** The sessions of this node as they stand, then those the other nodes hold, as they last wrote them. */
    public Collection<MediaSession> sessions() {
        List<MediaSession> all = new ArrayList<>(sessions.values().stream().map(Active::view).toList());
        try {
            for (MediaSessionDirectory.Held held : directory.sessions()) {
                if (!sessions.containsKey(held.session().sessionId())) {
                    all.add(held.session());
                }
            }
        } catch (RuntimeException e) {
            directoryFailed("list the other nodes' sessions", e);
        }
        return all;
    }

    /** Only the sessions this server holds. */
    public int heldCount() {
        return sessions.size();
    }

    public Optional<MediaSession> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(Active::view)
                .or(() -> elsewhere(sessionId).map(MediaSessionDirectory.Held::session));
    }

    /** The device a session's Call-ID belongs to: MediaStatus may come from an id that is not the device's. */
    public Optional<String> deviceOfCall(String callId) {
        return session(callId).map(MediaSession::deviceId);
    }

    /**
     * A session this server does not hold, as the directory knows it; none when the directory cannot be read (a MESSAGE
     * being handled must not fail because the other nodes are out of reach).
     */
    private Optional<MediaSessionDirectory.Held> elsewhere(String sessionId) {
        if (sessions.containsKey(sessionId)) {
            return Optional.empty();
        }
        try {
            return directory.find(sessionId);
        } catch (RuntimeException e) {
            directoryFailed("look session " + sessionId + " up", e);
            return Optional.empty();
        }
    }

    private static void directoryFailed(String what, RuntimeException e) {
        String more = DIRECTORY_LOG.admit();
        if (more != null) {
            LOG.warn("Cannot {} in the media session directory: {}{}", what, e.getMessage(), more);
        }
    }

    private CompletableFuture<MediaSession> handOver(MediaSessionDirectory.Held held, MediaSessionDirectory.Ending why,
                                                     Duration timeout) {
        String deviceId = held.session().deviceId();
        CompletableFuture<MediaSession> asked;
        try {
            asked = directory.end(held, why, timeout);
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        return asked.handle((ended, error) -> {
            if (error == null) {
                return ended;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                throw new CompletionException(new DeviceTimeoutException(deviceId, "Node " + held.node()
                                                                                   + " holding session "
                                                                                   + held.session().sessionId()
                                                                                   + " did not answer in time"));
            }
            throw new CompletionException(new DeviceUnavailableException(deviceId, cause.getMessage()));
        });
    }

    /** Another node (or another server of this one) asks to end a session: only the one holding it answers. */
    private Optional<CompletableFuture<MediaSession>> endAsked(String sessionId, MediaSessionDirectory.Ending why,
                                                              Duration timeout) {
        if (!sessions.containsKey(sessionId)) {
            return Optional.empty();
        }
        if (why == MediaSessionDirectory.Ending.BYE) {
            return Optional.of(bye(sessionId, timeout));
        }
        return Optional.of(endOfMedia(sessionId).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(unknown(sessionId))));
    }

    /** BYE from the device: answer it and end the session. */
    @Override
    public void handle(IncomingRequest in) {
        Active session = sessions.remove(in.callId());
        if (session == null) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        in.respond(Response.OK);
        LOG.info("Device {} ended session {}", session.device.getDeviceId(), session.callId);
        end(session, DEVICE_BYE);
    }

    /**
     * MediaStatus 121: the recording played back or downloaded reached its end. The device sends it to the node it
     * talks to, which need not be the one holding the session: that one is told to end it.
     */
    public void mediaEnded(String callId) {
        if (endOfMedia(callId).isEmpty()) {
            elsewhere(callId).ifPresent(held -> handOver(held, MediaSessionDirectory.Ending.MEDIA_END, HAND_OVER_TIMEOUT)
                    .whenComplete((ended, error) -> {
                        if (error != null) {
                            LOG.warn("Session {} reached the end of its recording, but node {} holding it did not"
                                     + " end it: {}", callId, held.node(), error.getMessage());
                        }
                    }));
        }
    }

    private Optional<MediaSession> endOfMedia(String callId) {
        Active session = sessions.remove(callId);
        if (session == null) {
            return Optional.empty();
        }
        LOG.info("Session {} reached the end of its recording", callId);
        sendBye(session);
        return Optional.of(end(session, MEDIA_END));
    }

    /** The device went offline: its sessions are over. */
    public void deviceOffline(String deviceId) {
        for (Active session : List.copyOf(sessions.values())) {
            if (session.device.getDeviceId().equals(deviceId) && sessions.remove(session.callId, session)) {
                sendBye(session);
                end(session, DEVICE_OFFLINE);
            }
        }
    }

    /** Ends every session with BYE, for a graceful shutdown. */
    public void close() {
        directory.stopServing(holder);
        for (Active session : List.copyOf(sessions.values())) {
            if (sessions.remove(session.callId, session)) {
                sendBye(session);
                end(session, SHUTDOWN);
            }
        }
    }

    private CompletableFuture<MediaSession> control(
            String sessionId, Function<Active, String> body, java.util.function.Consumer<Active> applied,
            Duration timeout) {
        Active session = sessions.get(sessionId);
        if (session == null) {
            return CompletableFuture.failedFuture(unknown(sessionId));
        }
        try {
            Request info = session.dialog.createRequest(Request.INFO);
            ContentTypeHeader type = SipFactories.HEADERS.createContentTypeHeader("Application", "MANSRTSP");
            info.setContent(body.apply(session), type);
            return sender.send(info, session.dialog).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> {
                        if (error != null) {
                            throw new CompletionException(failure(session.device, error, timeout));
                        }
                        if (response.getStatusCode() >= 300) {
                            throw new CompletionException(new DeviceRejectedException(session.device.getDeviceId(),
                                    response.getStatusCode(), "Device " + session.device.getDeviceId()
                                                              + " refused the INFO with " + response.getStatusCode()));
                        }
                        applied.accept(session);
                        share(session);
                        return session.view();
                    });
        } catch (SipException | ParseException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Response> sendBye(Active session) {
        try {
            Request bye = session.dialog.createRequest(Request.BYE);
            return sender.send(bye, session.dialog);
        } catch (SipException | RuntimeException e) {
            LOG.debug("Cannot send BYE for session {}: {}", session.callId, e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    private MediaSession end(Active session, String reason) {
        session.state = MediaSession.State.ENDED;
        session.endedAt = clock.instant();
        session.endReason = reason;
        release(session);
        unshare(session);
        MediaSession view = session.view();
        events.publish(DeviceEvent.builder(EventType.SESSION_ENDED, session.device.getDeviceId())
                .channelId(session.ask.channelId()).body(view)
                .reachableAt(session.device.getRemoteAddress(), session.device.getTransport()).callId(session.callId)
                .build());
        return view;
    }

    private void release(Active session) {
        registry().remove(Long.parseLong(session.ssrc));
        ssrcs.release(session.offeredSsrc);
        ssrcs.release(session.ssrc);
    }

    /** Tells the other nodes: a failure costs them the listing, never this node its session. */
    private void share(Active session) {
        try {
            directory.hold(session.view());
        } catch (RuntimeException e) {
            LOG.warn("Cannot share session {} with the other nodes: {}", session.callId, e.getMessage());
        }
    }

    private void unshare(Active session) {
        try {
            directory.release(session.callId);
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell the other nodes that session {} ended: {}", session.callId, e.getMessage());
        }
    }

    private MediaSessionRegistry registry() {
        return mediaRegistry;
    }

    private static Throwable failure(Device device, Throwable error, Duration timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return new DeviceTimeoutException(device.getDeviceId(), "Device " + device.getDeviceId()
                                                                    + " did not answer within " + timeout.toMillis() + " ms");
        }
        return cause;
    }

    private static DeviceUnavailableException unknown(String sessionId) {
        return new DeviceUnavailableException(null, "No media session " + sessionId);
    }

    private final class Active {
        private final Device device;
        private final MediaRequest ask;
        private final String offeredSsrc;
        private final AtomicInteger rtspCseq = new AtomicInteger();
        private volatile String ssrc;
        private volatile String callId;
        private volatile Dialog dialog;
        private volatile SdpAnswer answer;
        private volatile MediaSession.State state = MediaSession.State.ACTIVE;
        private volatile double scale = 1.0;
        private volatile Instant startedAt;
        private volatile Instant endedAt;
        private volatile String endReason;

        private Active(Device device, MediaRequest ask, String ssrc) {
            this.device = device;
            this.ask = ask;
            this.offeredSsrc = ssrc;
            this.ssrc = ssrc;
        }

        int nextRtspCseq() {
            return rtspCseq.incrementAndGet();
        }

        MediaSessionInfo info() {
            return new MediaSessionInfo(device.getDeviceId(), ask.channelId(), callId);
        }

        MediaSession view() {
            return MediaSession.builder().of(callId, device.getDeviceId(), ask.channelId()).kind(ask.kind())
                    .ssrc(offeredSsrc, ssrc).platformMedia(ask.mediaHost(), ask.mediaPort(), ask.transport())
                    .deviceMedia(answer == null ? null : answer.mediaHost(), answer == null ? 0 : answer.mediaPort())
                    .state(state).scale(scale).startedAt(startedAt).ended(endedAt, endReason)
                    .stream(answer != null && answer.streamNumber() >= 0 ? answer.streamNumber()
                            : ask.kind() == SessionKind.LIVE ? ask.streamNumber() : -1,
                            answer == null ? -1 : answer.fileSize())
                    .build();
        }
    }
}

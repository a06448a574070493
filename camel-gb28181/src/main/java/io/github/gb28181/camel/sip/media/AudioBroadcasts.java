package io.github.gb28181.camel.sip.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.model.BroadcastNotify;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.media.rtp.RtpPacketizer;
import io.github.gb28181.camel.media.rtp.RtpWriter;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SdpAnswer;
import io.github.gb28181.camel.sdp.SenderSdp;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.SipRequestHandler;
import io.github.gb28181.camel.sip.command.DeviceCommander;
import io.github.gb28181.camel.sip.command.ResponseWaiters;
import io.github.gb28181.camel.sip.command.SnSequence;
import io.github.gb28181.camel.sip.transport.SipFactories;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice broadcast (GB/T 28181-2016 9.12): the platform notifies a device's audio output, the device answers and
 * INVITEs the platform, the platform accepts with an SDP saying where its G.711A (PCMA) audio comes from, and then
 * sends RTP that routes hand it. Either side ends it with BYE.
 */
public final class AudioBroadcasts implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AudioBroadcasts.class);
    private static final String MANSCDP = "Application/MANSCDP+xml";
    /** 20 ms of 8 kHz G.711, the packet size devices expect. */
    private static final int SAMPLES_PER_PACKET = 160;
    private static final int PCMA = 8;

    private final String serverId;
    private final DeviceRegistry registry;
    private final RequestSender sender;
    private final DeviceCommander devices;
    private final ResponseWaiters waiters;
    private final SnSequence sn;
    private final ManscdpCodec codec;
    private final EventBus events;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Talk> talks = new ConcurrentHashMap<>();

    public AudioBroadcasts(String serverId, DeviceRegistry registry, RequestSender sender, DeviceCommander devices,
                           ResponseWaiters waiters, SnSequence sn, ManscdpCodec codec, EventBus events, Clock clock) {
        this.serverId = serverId;
        this.registry = registry;
        this.sender = sender;
        this.devices = devices;
        this.waiters = waiters;
        this.sn = sn;
        this.codec = codec;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks the device to take audio for {@code targetId} (its audio output channel); completes once the device's
     * INVITE is answered and acknowledged, with the session to send audio in.
     *
     * @param audioHost where the platform's audio comes from, for the SDP answer
     * @param audioPort the local port the audio is sent from (0 for any)
     */
    public CompletableFuture<MediaSession> broadcast(String deviceId, String targetId, String audioHost, int audioPort,
                                                     Duration timeout) {
        Device device;
        try {
            device = devices.resolve(deviceId, targetId);
        } catch (DeviceUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        Pending wait = new Pending(device, targetId, audioHost, audioPort);
        if (pending.putIfAbsent(device.getDeviceId(), wait) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "A broadcast to device " + device.getDeviceId() + " is already being set up"));
        }
        BroadcastNotify notify = new BroadcastNotify();
        notify.setSn(sn.next());
        notify.setSourceId(serverId);
        notify.setTargetId(targetId);
        waiters.expect(device.getDeviceId(), BroadcastNotify.CMD_TYPE, notify.getSn())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    if (error == null && result.response() instanceof ResultResponse r && r.getResultFlag() != null
                        && !r.getResultFlag().isOn()) {
                        wait.future.completeExceptionally(new DeviceRejectedException(device.getDeviceId(), 488,
                                "Device " + device.getDeviceId() + " refused the broadcast: " + r.getResult()));
                    }
                });
        try {
            sender.send(sender.createMessage(device, MANSCDP, codec.encode(notify, devices.charsetOf(device))))
                    .whenComplete((response, error) -> {
                        if (error == null && response.getStatusCode() >= 300) {
                            wait.future.completeExceptionally(new DeviceRejectedException(device.getDeviceId(),
                                    response.getStatusCode(), "Device " + device.getDeviceId()
                                                              + " refused the Broadcast notify with "
                                                              + response.getStatusCode()));
                        }
                    });
        } catch (ParseException | RuntimeException e) {
            wait.future.completeExceptionally(e);
        }
        return wait.future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((s, e) -> {
            pending.remove(device.getDeviceId(), wait);
            if (e != null && wait.talk != null) {
                end(wait.talk, MediaSessionManager.BYE_SENT, true);
            }
        }).handle((session, error) -> {
            if (error == null) {
                return session;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            throw new CompletionException(cause instanceof TimeoutException
                    ? new DeviceTimeoutException(device.getDeviceId(), "Device " + device.getDeviceId()
                                                                       + " did not set up the broadcast within "
                                                                       + timeout.toMillis() + " ms")
                    : cause);
        });
    }

    /** The device's INVITE for the audio of a broadcast we asked for. */
    @Override
    public void handle(IncomingRequest in) throws Exception {
        String from = in.fromUser();
        Pending wait = from == null ? null : pendingFor(from);
        if (wait == null || wait.talk != null) {
            LOG.info("INVITE from {} at {} refused: no broadcast pending for it", from, in.remoteAddress());
            in.respond(Response.FORBIDDEN, "No broadcast pending");
            return;
        }
        SdpAnswer offer;
        try {
            offer = SdpAnswer.parse(new String(in.request().getRawContent() == null ? new byte[0]
                    : in.request().getRawContent(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            in.respond(Response.NOT_ACCEPTABLE_HERE, "Unusable SDP");
            return;
        }
        if (!"audio".equals(offer.media()) || offer.tcp()) {
            in.respond(Response.NOT_ACCEPTABLE_HERE, "Only UDP audio is offered");
            return;
        }
        Device device = wait.device;
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(wait.audioHost, wait.audioPort));
        Dialog dialog = sender.newServerDialog(in.transaction());
        Talk talk = new Talk(device, from, in.callId(), dialog, socket, offer, clock.instant());
        wait.talk = talk;
        talks.put(talk.callId, talk);
        Response ok = in.createResponse(Response.OK);
        ok.setHeader(sender.platformContact(in.transport()));
        ok.setContent(answer(talk), SipFactories.HEADERS.createContentTypeHeader("application", "sdp"));
        in.send(ok);
    }

    /** The broadcast an INVITE answers: the device INVITEs as the audio channel we named, or as itself. */
    private Pending pendingFor(String from) {
        for (Pending wait : pending.values()) {
            if (wait.targetId.equals(from)) {
                return wait;
            }
        }
        return registry.owner(from).map(d -> pending.get(d.getDeviceId())).orElse(null);
    }

    /** The ACK to our 200 OK: the broadcast is up. */
    public void acknowledged(String callId) {
        Talk talk = talks.get(callId);
        if (talk != null) {
            Pending wait = pending.get(talk.device.getDeviceId());
            if (wait != null && wait.talk == talk) {
                LOG.info("Broadcast to {} of device {} started", talk.channelId, talk.device.getDeviceId());
                wait.future.complete(talk.view());
            }
        }
    }

    public boolean owns(String callId) {
        return talks.containsKey(callId);
    }

    /** Sends G.711A audio to the device, in 20 ms RTP packets. */
    public void send(String sessionId, byte[] pcma) throws IOException {
        Talk talk = talks.get(sessionId);
        if (talk == null) {
            throw new IllegalArgumentException("No broadcast session " + sessionId);
        }
        talk.send(pcma);
    }

    /** Ends a broadcast with BYE. */
    public MediaSession bye(String sessionId) {
        Talk talk = talks.get(sessionId);
        if (talk == null) {
            throw new IllegalArgumentException("No broadcast session " + sessionId);
        }
        return end(talk, MediaSessionManager.BYE_SENT, true);
    }

    /** BYE from the device. */
    public void deviceBye(IncomingRequest in) {
        Talk talk = talks.get(in.callId());
        in.respond(talk == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
        if (talk != null) {
            end(talk, MediaSessionManager.DEVICE_BYE, false);
        }
    }

    public Collection<MediaSession> sessions() {
        return talks.values().stream().map(Talk::view).toList();
    }

    public void deviceOffline(String deviceId) {
        for (Talk talk : List.copyOf(talks.values())) {
            if (talk.device.getDeviceId().equals(deviceId)) {
                end(talk, MediaSessionManager.DEVICE_OFFLINE, true);
            }
        }
    }

    public void close() {
        for (Talk talk : List.copyOf(talks.values())) {
            end(talk, MediaSessionManager.SHUTDOWN, true);
        }
    }

    private MediaSession end(Talk talk, String reason, boolean sendBye) {
        if (talks.remove(talk.callId) == null) {
            return talk.view();
        }
        if (sendBye) {
            try {
                sender.send(talk.dialog.createRequest(Request.BYE), talk.dialog);
            } catch (SipException | RuntimeException e) {
                LOG.debug("Cannot send BYE for broadcast {}: {}", talk.callId, e.getMessage());
            }
        }
        talk.socket.close();
        talk.endedAt = clock.instant();
        talk.endReason = reason;
        MediaSession view = talk.view();
        events.publish(DeviceEvent.builder(EventType.SESSION_ENDED, talk.device.getDeviceId()).channelId(talk.channelId)
                .body(view).reachableAt(talk.device.getRemoteAddress(), talk.device.getTransport()).callId(talk.callId)
                .build());
        return view;
    }

    private String answer(Talk talk) {
        String host = talk.socket.getLocalAddress().isAnyLocalAddress() ? sender.advertisedHost()
                : talk.socket.getLocalAddress().getHostAddress();
        String ssrc = talk.offer.ssrc() != null ? talk.offer.ssrc() : "0";
        return new SenderSdp(serverId, host, SessionKind.BROADCAST.sdpName(), null, 0, 0, "audio",
                talk.socket.getLocalPort(), MediaTransportMode.UDP, PCMA, "PCMA/8000", ssrc, "v/////a/1/8/1").encode();
    }

    private static final class Pending {
        private final Device device;
        private final String targetId;
        private final String audioHost;
        private final int audioPort;
        private final CompletableFuture<MediaSession> future = new CompletableFuture<>();
        private volatile Talk talk;

        private Pending(Device device, String targetId, String audioHost, int audioPort) {
            this.device = device;
            this.targetId = targetId;
            this.audioHost = audioHost;
            this.audioPort = audioPort;
        }
    }

    private static final class Talk {
        private final Device device;
        private final String channelId;
        private final String callId;
        private final Dialog dialog;
        private final DatagramSocket socket;
        private final SdpAnswer offer;
        private final Instant startedAt;
        private final long ssrc;
        private final String localHost;
        private final int localPort;
        private final RtpPacketizer rtp;
        private final ByteBuf packet = Unpooled.buffer(RtpWriter.HEADER_SIZE + SAMPLES_PER_PACKET);
        private long timestamp;
        private boolean talking;
        private volatile Instant endedAt;
        private volatile String endReason;

        private Talk(Device device, String channelId, String callId, Dialog dialog, DatagramSocket socket,
                     SdpAnswer offer, Instant startedAt) {
            this.device = device;
            this.channelId = channelId;
            this.callId = callId;
            this.dialog = dialog;
            this.socket = socket;
            this.offer = offer;
            this.startedAt = startedAt;
            this.localHost = socket.getLocalAddress().getHostAddress();
            this.localPort = socket.getLocalPort();
            this.ssrc = offer.ssrc() != null && offer.ssrc().matches("\\d{1,10}") ? Long.parseLong(offer.ssrc()) : 0;
            this.rtp = new RtpPacketizer(ssrc, PCMA, 0, SAMPLES_PER_PACKET, false);
        }

        synchronized void send(byte[] pcma) throws IOException {
            InetSocketAddress to = new InetSocketAddress(offer.mediaHost(), offer.mediaPort());
            for (int at = 0; at < pcma.length; at += SAMPLES_PER_PACKET) {
                int length = Math.min(SAMPLES_PER_PACKET, pcma.length - at);
                packet.clear();
                rtp.write(packet, pcma, at, length, timestamp, !talking); // the marker starts the talk (RFC 3551 4.1)
                talking = true;
                socket.send(new DatagramPacket(packet.array(), packet.arrayOffset(), packet.readableBytes(), to));
                timestamp = (timestamp + length) & 0xFFFFFFFFL;
            }
        }

        MediaSession view() {
            return MediaSession.builder().of(callId, device.getDeviceId(), channelId).kind(SessionKind.BROADCAST)
                    .ssrc(offer.ssrc(), offer.ssrc()).platformMedia(localHost, localPort, MediaTransportMode.UDP)
                    .deviceMedia(offer.mediaHost(), offer.mediaPort())
                    .state(endReason == null ? MediaSession.State.ACTIVE : MediaSession.State.ENDED)
                    .startedAt(startedAt).ended(endedAt, endReason).build();
        }
    }
}

package io.github.gb28181.camel.cascade;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.DeviceEventListener;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.relay.RtpRelay;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SdpAnswer;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaRequest;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.sip.media.MediaSessionManager;
import io.github.gb28181.camel.upstream.UpstreamInvite;
import io.github.gb28181.camel.upstream.UpstreamOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays devices' media to upper platforms: for an upper platform's INVITE, a {@link RtpRelay} port is opened, the
 * device is INVITEd to send there (live video of a channel already relayed is shared, not asked for again), and once
 * it accepts, a sender towards the address, port, SSRC and transport of the upper platform's offer is attached.
 * Each leg ends the other: the upper platform's BYE ends the device's session once no other upper leg uses it; the
 * device's BYE, its going offline or the end of its recording ends every upper leg on it. Ports are given back
 * with the legs.
 */
public final class RelayedMedia implements CascadeMedia, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayedMedia.class);
    /** The discard port, for an offer where we connect out (RFC 4145): our own port means nothing then. */
    private static final int DISCARD_PORT = 9;

    private final MediaSessionManager sessions;
    private final EventBus events;
    private final RelaySettings settings;
    private final Supplier<String> advertisedHost;
    private final Duration timeout;
    private final Map<String, DeviceLeg> liveByChannel = new ConcurrentHashMap<>();
    private final Map<String, DeviceLeg> byDeviceSession = new ConcurrentHashMap<>();
    private final Map<String, UpperLeg> upperLegs = new ConcurrentHashMap<>();
    private final DeviceEventListener endings = this::onEvent;

    /** The device's side of a relay: its session, the relay port, and the upper legs fed from it. */
    private static final class DeviceLeg {
        private final String channelId;
        private final SessionKind kind;
        private final RtpRelay relay;
        private final Set<String> uppers = ConcurrentHashMap.newKeySet();
        private volatile CompletableFuture<DeviceLeg> ready;
        private volatile String deviceSessionId;
        private volatile boolean over;

        private DeviceLeg(String channelId, SessionKind kind, RtpRelay relay) {
            this.channelId = channelId;
            this.kind = kind;
            this.relay = relay;
        }
    }

    private record UpperLeg(String sessionId, DeviceLeg device, Ended ended) {
    }

    /**
     * @param advertisedHost the address the device and the upper platforms reach us at, for the SDP
     * @param timeout        how long the device may take to accept the INVITE
     */
    public RelayedMedia(MediaSessionManager sessions, EventBus events, RelaySettings settings,
                        Supplier<String> advertisedHost, Duration timeout) {
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
        this.advertisedHost = advertisedHost;
        this.timeout = timeout;
        events.subscribe(endings);
    }

    @Override
    public CompletableFuture<String> invite(UpstreamInvite invite, String originId, Ended ended) {
        UpstreamOffer offer;
        DeviceLeg leg;
        try {
            offer = UpstreamOffer.parse(invite.sdp(), invite.subject());
            leg = deviceLeg(invite.channelId(), offer.kind(), offer.offer());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return leg.ready.thenApply(ready -> {
            try {
                return attach(invite, originId, offer, ready, ended);
            } catch (Exception e) {
                release(ready);
                throw new CompletionException(e);
            }
        });
    }

    /** The device leg for a channel: a running live one, or a new one being set up. */
    private synchronized DeviceLeg deviceLeg(String channelId, SessionKind kind, SdpAnswer offer) throws Exception {
        if (kind == SessionKind.LIVE) {
            DeviceLeg running = liveByChannel.get(channelId);
            if (running != null && !running.over) {
                LOG.debug("Channel {} is relayed already: its live session is shared", channelId);
                return running;
            }
        }
        MediaTransportMode mode = settings.deviceTransport();
        RtpRelay relay = new RtpRelay(MediaTransport.valueOf(mode.name()), settings.bindHost(), 0,
                settings.group());
        relay.start();
        DeviceLeg leg = new DeviceLeg(channelId, kind, relay);
        if (kind == SessionKind.LIVE) {
            liveByChannel.put(channelId, leg);
        }
        int port = mode == MediaTransportMode.TCP_ACTIVE ? DISCARD_PORT : relay.localAddress().getPort();
        MediaRequest ask = new MediaRequest(null, channelId, kind, advertisedHost.get(), port, mode,
                offer.startTime(), offer.endTime(), Math.max(0, offer.downloadSpeed()), offer.streamNumber());
        leg.ready = sessions.invite(ask, timeout).handle((session, error) -> {
            if (error != null) {
                end(leg);
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                throw new CompletionException(cause);
            }
            leg.deviceSessionId = session.sessionId();
            byDeviceSession.put(session.sessionId(), leg);
            if (mode == MediaTransportMode.TCP_ACTIVE) {
                leg.relay.connect(session.deviceMediaHost(), session.deviceMediaPort());
            }
            LOG.info("Relaying {} of channel {}: device session {} into {}", kind, channelId, session.sessionId(),
                    leg.relay.localAddress());
            return leg;
        });
        return leg;
    }

    private String attach(UpstreamInvite invite, String originId, UpstreamOffer offer, DeviceLeg leg, Ended ended)
            throws Exception {
        MediaSender sender = offer.open(settings.senders(), invite.sessionId(), settings.bindHost());
        leg.uppers.add(invite.sessionId());
        upperLegs.put(invite.sessionId(), new UpperLeg(invite.sessionId(), leg, ended));
        leg.relay.attach(invite.sessionId(), sender);
        return offer.answer(originId, advertisedHost.get(), sender);
    }

    @Override
    public CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body) {
        UpperLeg upper = upperLegs.get(sessionId);
        if (upper == null || upper.device().deviceSessionId == null) {
            return CompletableFuture.completedFuture(481);
        }
        return sessions.info(upper.device().deviceSessionId, contentType, body, timeout);
    }

    @Override
    public void bye(String sessionId) {
        UpperLeg upper = upperLegs.remove(sessionId);
        if (upper == null) {
            return;
        }
        settings.senders().close(sessionId);
        DeviceLeg leg = upper.device();
        leg.uppers.remove(sessionId);
        leg.relay.detach(sessionId);
        release(leg);
    }

    /** Ends the device leg once no upper leg is on it. */
    private synchronized void release(DeviceLeg leg) {
        if (leg.uppers.isEmpty() && !leg.over) {
            end(leg);
            String deviceSession = leg.deviceSessionId;
            if (deviceSession != null) {
                byDeviceSession.remove(deviceSession, leg);
                sessions.bye(deviceSession, timeout);
            }
        }
    }

    private synchronized void end(DeviceLeg leg) {
        leg.over = true;
        liveByChannel.remove(leg.channelId, leg);
        leg.relay.stop();
    }

    /** The device ended its session (BYE, offline, end of recording): every upper leg on it ends too. */
    private void onEvent(DeviceEvent event) {
        if (event.type() != EventType.SESSION_ENDED || event.callId() == null) {
            return;
        }
        DeviceLeg leg = byDeviceSession.remove(event.callId());
        if (leg == null) {
            return;
        }
        String reason = event.body() instanceof MediaSession session ? session.endReason() : null;
        boolean endOfFile = MediaSessionManager.MEDIA_END.equals(reason);
        LOG.info("Device session {} of channel {} ended ({}): ending the {} upper session(s) on it", event.callId(),
                leg.channelId, reason, leg.uppers.size());
        end(leg);
        for (String upperId : List.copyOf(leg.uppers)) {
            UpperLeg upper = upperLegs.remove(upperId);
            settings.senders().close(upperId);
            leg.uppers.remove(upperId);
            if (upper != null) {
                upper.ended().ended(upperId, endOfFile);
            }
        }
    }

    /** The upper legs open now, by the upper platforms' Call-IDs. */
    public Set<String> upperSessions() {
        return Set.copyOf(upperLegs.keySet());
    }

    /** The device sessions relayed now. */
    public Set<String> deviceSessions() {
        return Set.copyOf(byDeviceSession.keySet());
    }

    /** Stops every relay and sender; the device sessions end with the platform. */
    @Override
    public void close() {
        events.unsubscribe(endings);
        for (String upperId : List.copyOf(upperLegs.keySet())) {
            UpperLeg upper = upperLegs.remove(upperId);
            if (upper != null) {
                settings.senders().close(upperId);
                end(upper.device());
            }
        }
        byDeviceSession.values().forEach(this::end);
        byDeviceSession.clear();
    }
}

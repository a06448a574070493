package io.github.gb28181.camel.role;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusQuery;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.MediaSenders;
import io.github.gb28181.camel.upstream.LowerSide;
import io.github.gb28181.camel.upstream.SharedItem;
import io.github.gb28181.camel.upstream.UpstreamInvite;
import io.github.gb28181.camel.upstream.UpstreamOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GB28181 device played by a route, as the platform it registers to sees it: its catalog and DeviceInfo from the
 * profile, DeviceStatus online, and everything else the route's to decide; an INVITE answered by opening a sender
 * towards where the platform's offer asks, into which the route streams frames (a gb28181-rtp producer, by the
 * session's id).
 */
public final class DeviceRole implements LowerSide {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRole.class);
    private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final DeviceProfile profile;
    private final DeviceRoute route;
    private final MediaSenders senders;
    private final String bindHost;
    private final Supplier<String> advertisedHost;
    private final Map<String, DeviceSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param senders        where the senders of the platform's sessions are opened, or null when there is no
     *                       gb28181-rtp component (INVITEs are then refused)
     * @param bindHost       the local address to send media from
     * @param advertisedHost the address the platform is told the media comes from
     */
    public DeviceRole(DeviceProfile profile, DeviceRoute route, MediaSenders senders, String bindHost,
                      Supplier<String> advertisedHost) {
        this.profile = profile;
        this.route = route;
        this.senders = senders;
        this.bindHost = bindHost;
        this.advertisedHost = advertisedHost;
    }

    public DeviceProfile profile() {
        return profile;
    }

    @Override
    public boolean serves(String targetId) {
        return profile.deviceId().equals(targetId) || profile.hasChannel(targetId);
    }

    @Override
    public List<CatalogItem> catalog(String targetId) {
        List<CatalogItem> items = new ArrayList<>();
        for (DeviceProfile.Channel channel : profile.channels()) {
            if (channel.channelId().equals(profile.deviceId())) {
                continue; // a device that is its own channel lists nothing under itself
            }
            items.add(SharedItem.of(channel.channelId(), channel.name(), profile.manufacturer(), profile.model(),
                    profile.deviceId(), true));
        }
        return items;
    }

    @Override
    public CompletableFuture<ManscdpMessage> query(ManscdpMessage query, byte[] body) {
        return route.query(query, configured(query));
    }

    /** What the profile answers by itself: DeviceInfo and DeviceStatus. */
    private ManscdpMessage configured(ManscdpMessage query) {
        if (query instanceof DeviceInfoQuery) {
            DeviceInfoResponse info = new DeviceInfoResponse();
            info.setDeviceId(profile.deviceId());
            info.setResult("OK");
            info.setDeviceName(profile.name());
            info.setManufacturer(profile.manufacturer());
            info.setModel(profile.model());
            info.setFirmware(profile.firmware());
            info.setChannel(profile.channels().size());
            return info;
        }
        if (query instanceof DeviceStatusQuery) {
            DeviceStatusResponse status = new DeviceStatusResponse();
            status.setDeviceId(query.getDeviceId());
            status.setResult("OK");
            status.setOnline("ONLINE");
            status.setStatus("OK");
            status.setEncode("ON");
            status.setRecord("OFF");
            status.setDeviceTime(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DEVICE_TIME));
            return status;
        }
        return null;
    }

    @Override
    public CompletableFuture<ManscdpMessage> control(ManscdpMessage control, byte[] body) {
        return route.control(control);
    }

    @Override
    public CompletableFuture<String> invite(UpstreamInvite invite) {
        if (senders == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No gb28181-rtp component to send media"
                                                                            + " with"));
        }
        try {
            UpstreamOffer offer = UpstreamOffer.parse(invite.sdp(), invite.subject());
            MediaSender sender = offer.open(senders, invite.sessionId(), bindHost);
            DeviceSession session = new DeviceSession(invite.sessionId(), invite.channelId(), offer.kind(),
                    offer.offer().mediaHost(), offer.offer().mediaPort(), offer.transport(), offer.ssrc(),
                    offer.offer().startTime(), offer.offer().endTime());
            sessions.put(invite.sessionId(), session);
            String answer = offer.answer(profile.deviceId(), advertisedHost.get(), sender);
            LOG.info("Device {} sends channel {} to the platform in session {} ({} to {}:{})", profile.deviceId(),
                    invite.channelId(), invite.sessionId(), offer.transport(), offer.offer().mediaHost(),
                    offer.offer().mediaPort());
            // the route hears of it once the answer is on its way: it must not hold up the SIP thread
            return CompletableFuture.completedFuture(answer).whenComplete((a, e) -> route.sessionStarted(session));
        } catch (Exception e) {
            senders.close(invite.sessionId());
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body) {
        DeviceSession session = sessions.get(sessionId);
        if (session == null) {
            return CompletableFuture.completedFuture(481);
        }
        return route.info(session, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void bye(String sessionId) {
        DeviceSession session = sessions.remove(sessionId);
        if (senders != null) {
            senders.close(sessionId);
        }
        if (session != null) {
            route.sessionEnded(session);
        }
    }

    @Override
    public void listen(Listener listener) {
        // nothing happens below a device played by a route that the platform is not told of in answers
    }

    @Override
    public void close() {
        for (String sessionId : List.copyOf(sessions.keySet())) {
            bye(sessionId);
        }
    }

    /** The sessions the platform has open with this device now. */
    public List<DeviceSession> sessions() {
        return List.copyOf(sessions.values());
    }
}

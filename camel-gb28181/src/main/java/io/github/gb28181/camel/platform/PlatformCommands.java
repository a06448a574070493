package io.github.gb28181.camel.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.sip.command.DeviceCommander;
import io.github.gb28181.camel.sip.command.QueryResult;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.AudioBroadcasts;
import io.github.gb28181.camel.sip.media.MediaRequest;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.sip.media.MediaSessionManager;
import io.github.gb28181.camel.sip.transport.SipServer;

/**
 * Everything a platform can ask of its devices, in one place: the session facade producers call. It makes the
 * protocol's decisions for them: which device and DeviceID a command goes to, whether a document is a query or a
 * control, whether a session is a video session or a voice broadcast, which media address to offer.
 */
public final class PlatformCommands {

    /**
     * Who a command goes to.
     *
     * @param deviceId     the device, or null for the owner of the channel
     * @param channelId    the channel, or null
     * @param channelLevel whether the document names the channel (PTZ, RecordInfo) rather than the device (Catalog,
     *                     TeleBoot)
     */
    public record Recipient(String deviceId, String channelId, boolean channelLevel) {

        /** A device-level command: a channel id names the device that owns it. */
        public static Recipient device(String deviceId, String channelId) {
            return new Recipient(deviceId, channelId, false);
        }

        /** A channel-level command: to the channel, or to the device itself when no channel is given. */
        public static Recipient channel(String deviceId, String channelId) {
            return new Recipient(deviceId, channelId, true);
        }
    }

    private final DeviceRegistry registry;
    private final DeviceCommander commander;
    private final MediaSessionManager media;
    private final AudioBroadcasts audio;
    private final SubscriptionManager subscriptions;
    private final SipServer sipServer;

    PlatformCommands(DeviceRegistry registry, DeviceCommander commander, MediaSessionManager media,
                     AudioBroadcasts audio, SubscriptionManager subscriptions, SipServer sipServer) {
        this.registry = registry;
        this.commander = commander;
        this.media = media;
        this.audio = audio;
        this.subscriptions = subscriptions;
        this.sipServer = sipServer;
    }

    /**
     * Sends a MANSCDP document: a Query completes with the device's Response; a Control once the device accepted
     * it, or with its Response when {@code waitForResult}. The document gets its SN and DeviceID here.
     */
    public CompletableFuture<QueryResult> send(Recipient to, ManscdpMessage document, boolean waitForResult,
                                               Duration timeout) {
        String target = target(to);
        return document.getKind() == RootKind.QUERY
                ? commander.query(to.deviceId(), target, document, timeout)
                : commander.control(to.deviceId(), target, document, waitForResult, timeout);
    }

    /** The DeviceID a document names. */
    private String target(Recipient to) {
        if (to.channelLevel()) {
            return to.channelId() != null ? to.channelId() : to.deviceId();
        }
        // a device-level command named by one of the device's channels goes to, and names, the device
        return to.deviceId() != null ? to.deviceId()
                : registry.owner(to.channelId()).map(Device::getDeviceId).orElse(to.channelId());
    }

    /** Live, playback or download; a request without a media host offers the address the SIP server advertises. */
    public CompletableFuture<MediaSession> invite(MediaRequest request, Duration timeout) {
        MediaRequest ask = request.mediaHost() != null ? request : request.withMediaHost(mediaHost(null));
        return media.invite(ask, timeout);
    }

    public CompletableFuture<MediaSession> pause(String sessionId, Duration timeout) {
        return media.pause(sessionId, timeout);
    }

    public CompletableFuture<MediaSession> resume(String sessionId, Duration timeout) {
        return media.resume(sessionId, timeout);
    }

    public CompletableFuture<MediaSession> speed(String sessionId, double scale, Duration timeout) {
        return media.speed(sessionId, scale, timeout);
    }

    public CompletableFuture<MediaSession> seek(String sessionId, long seconds, Duration timeout) {
        return media.seek(sessionId, seconds, timeout);
    }

    /** Ends a session of either kind: a broadcast at once (the device INVITEd us), a video session with BYE. */
    public CompletableFuture<MediaSession> bye(String sessionId, Duration timeout) {
        return audio.owns(sessionId)
                ? CompletableFuture.completedFuture(audio.bye(sessionId))
                : media.bye(sessionId, timeout);
    }

    /** The open sessions, video and broadcast; in a cluster, the video sessions of every node. */
    public List<MediaSession> sessions() {
        List<MediaSession> all = new ArrayList<>(media.sessions());
        all.addAll(audio.sessions());
        return all;
    }

    /** How many sessions this server holds, video and broadcast: what it alone counts towards a cluster's total. */
    public int heldSessions() {
        return media.heldCount() + audio.sessions().size();
    }

    /**
     * Asks a device to take voice for its audio output channel.
     *
     * @param audioHost where the audio comes from, or null for the address the SIP server advertises
     * @param audioPort the local port it leaves from, 0 for any
     */
    public CompletableFuture<MediaSession> broadcast(String deviceId, String channelId, String audioHost, int audioPort,
                                                     Duration timeout) {
        return audio.broadcast(deviceId, channelId, mediaHost(audioHost), audioPort, timeout);
    }

    /** Sends G.711A bytes in a broadcast session. */
    public void audio(String sessionId, byte[] pcma) throws IOException {
        audio.send(sessionId, pcma);
    }

    public CompletableFuture<SubscriptionManager.Subscription> subscribe(
            String deviceId, SubscriptionManager.Kind kind, int expires, int interval, Duration timeout) {
        return subscriptions.subscribe(deviceId, kind, expires, interval, timeout);
    }

    public CompletableFuture<SubscriptionManager.Subscription> unsubscribe(
            String deviceId, SubscriptionManager.Kind kind, Duration timeout) {
        return subscriptions.unsubscribe(deviceId, kind, timeout);
    }

    private String mediaHost(String configured) {
        return configured != null ? configured : sipServer.advertisedHost();
    }
}

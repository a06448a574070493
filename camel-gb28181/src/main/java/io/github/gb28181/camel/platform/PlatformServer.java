package io.github.gb28181.camel.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.concurrent.ThreadSource;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.PresenceTracker;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.DeviceEventListener;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.aggregate.ResponseAggregator;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.sdp.SsrcAllocator;
import io.github.gb28181.camel.sip.RequestDispatcher;
import io.github.gb28181.camel.sip.RequestPacer;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.SipIdentity;
import io.github.gb28181.camel.sip.auth.DigestAuthenticator;
import io.github.gb28181.camel.sip.auth.NonceManager;
import io.github.gb28181.camel.sip.command.DeviceCommander;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import io.github.gb28181.camel.sip.command.ResponseWaiters;
import io.github.gb28181.camel.sip.command.SnSequence;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.AudioBroadcasts;
import io.github.gb28181.camel.sip.media.MediaSessionManager;
import io.github.gb28181.camel.sip.message.ManscdpRouter;
import io.github.gb28181.camel.sip.message.MessageHandler;
import io.github.gb28181.camel.sip.register.RegisterHandler;
import io.github.gb28181.camel.sip.transport.Admission;
import io.github.gb28181.camel.sip.transport.SipCounters;
import io.github.gb28181.camel.sip.transport.SipServer;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.cascade.PlatformLower;
import io.github.gb28181.camel.cascade.RelaySettings;
import io.github.gb28181.camel.cascade.RelayedMedia;
import io.github.gb28181.camel.cascade.SharedChannels;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.upstream.UpstreamLink;
import io.github.gb28181.camel.upstream.UpstreamLinks;
import io.github.gb28181.camel.upstream.UpstreamSettings;
import io.github.gb28181.camel.upstream.UpstreamStatus;
import javax.sip.SipException;
import javax.sip.message.Request;

/**
 * A GB28181 platform on one listening address: the SIP server, the handlers for what devices send, and the timers
 * that notice silent devices and unfinished multi-message answers. Independent of Camel; the component wraps it.
 * Single use: once stopped, make a new one.
 */
public final class PlatformServer {

    private final SipServerSettings sipSettings;
    private final PlatformSettings settings;
    private final DeviceRegistry registry;
    private final EventBus events;
    private final Clock clock = Clock.systemUTC();
    private final SipCounters counters = new SipCounters();
    private final RequestDispatcher dispatcher = new RequestDispatcher(counters);
    private final ManscdpCodec codec = StandardTypes.codec();
    private final SipServer sipServer;
    private final PresenceTracker presence;
    private final RequestSender sender;
    private final ManscdpRouter router;
    private final DeviceCommander commander;
    private final SubscriptionManager subscriptions;
    private final MediaSessionManager media;
    private final AudioBroadcasts audio;
    private final ThreadSource threads;
    private final ScheduledExecutorService scheduler;
    private final ResponseAggregator aggregator;
    private final RequestPacer pacer;
    private final PlatformCommands commands;
    private final ResponseWaiters waiters = new ResponseWaiters();
    private final UpstreamLinks upstreams;
    private RelayedMedia relayedMedia;

    /** A platform on daemon threads of its own, for use without Camel. */
    public PlatformServer(SipServerSettings sipSettings, PlatformSettings settings, DeviceRegistry registry,
                          MediaSessionRegistry mediaRegistry) {
        this(sipSettings, settings, registry, mediaRegistry, ThreadSource.daemon());
    }

    /**
     * @param threads where the event lanes, the timer and the SIP wind-down thread come from (jain-sip makes its own
     *                transport and transaction threads)
     */
    public PlatformServer(SipServerSettings sipSettings, PlatformSettings settings, DeviceRegistry registry,
                          MediaSessionRegistry mediaRegistry, ThreadSource threads) {
        this.sipSettings = sipSettings;
        this.settings = settings;
        this.registry = registry;
        this.threads = threads;
        this.events = new EventBus(sipSettings.key(), Math.max(2, Runtime.getRuntime().availableProcessors()), threads);
        this.sipServer = new SipServer(sipSettings, dispatcher, counters, threads);
        this.presence = new PresenceTracker(registry, events, settings.keepaliveTimeoutMillis(), clock);
        this.sender = new RequestSender(sipServer, new SipIdentity(settings.serverId(), settings.domain()));
        this.scheduler = threads.newScheduler("gb28181-timer-" + sipSettings.key());
        if (settings.remoteWaiters() != RemoteWaiters.NONE) {
            waiters.setRemote(settings.remoteWaiters(), codec);
        }
        dispatcher.setTrustedProxies(settings.trustedProxies());
        this.router = new ManscdpRouter(registry, events, codec, sender, waiters);
        SnSequence sn = new SnSequence();
        this.commander = new DeviceCommander(registry, sender, codec, waiters, sn, settings.gbVersion());
        this.subscriptions = new SubscriptionManager(sender, codec, sn, commander, scheduler, clock);
        this.media = new MediaSessionManager(settings.serverId(), sender, commander, new SsrcAllocator(settings.domain()),
                mediaRegistry, settings.mediaSessions(), events, clock);
        this.audio = new AudioBroadcasts(settings.serverId(), registry, sender, commander, waiters, sn, codec, events,
                clock);
        router.setMediaSessions(media);
        events.subscribe(new DeviceEventListener() {
            @Override
            public boolean wants(EventType type) {
                return type == EventType.OFFLINE;
            }

            @Override
            public void onEvent(DeviceEvent event) {
                if (event.type() == EventType.OFFLINE) {
                    media.deviceOffline(event.deviceId());
                    audio.deviceOffline(event.deviceId());
                }
            }
        });
        this.pacer = new RequestPacer(sipSettings.overload().queryRate(), sipSettings.overload().maxQueriesInFlight(),
                2 * Math.max(sipSettings.overload().queryRate(), sipSettings.overload().maxQueriesInFlight()), scheduler);
        sender.setPacer(pacer);
        admitUnderLoad(sipServer.admission());
        this.aggregator = new ResponseAggregator(scheduler, Duration.ofMillis(settings.aggregationTimeoutMillis()),
                router::onAggregated);
        router.setAggregator(aggregator);
        this.commands = new PlatformCommands(registry, commander, media, audio, subscriptions, sipServer);
        this.upstreams = new UpstreamLinks(sipServer, sender, codec, sn, threads, sipSettings.key(),
                this::upstreamStatus);

        NonceManager nonces = settings.nonceGenerator() != null
                ? new NonceManager(settings.nonceGenerator(), settings.nonceTtlMillis(), clock)
                : new NonceManager(settings.nonceTtlMillis());
        DigestAuthenticator authenticator = new DigestAuthenticator(settings.realm(), nonces, settings.credentials(),
                settings.digestQop(), settings.digestAlgorithm());
        dispatcher.register(Request.REGISTER,
                new RegisterHandler(authenticator, settings.accessPolicy(), events, registry, presence,
                        settings.registerDateHeader(), clock, settings.gbVersion()));
        MessageHandler messages = new MessageHandler(codec, registry, presence, router, media::deviceOfCall,
                settings.accessPolicy(), settings.addressBinding(), settings.answerAfterProcessing());
        // an upper platform's requests go to its link; everything else to the platform's own handlers
        dispatcher.register(Request.MESSAGE, upstreams.front(messages));
        // NOTIFYs of catalog, alarm and position subscriptions carry the same documents as MESSAGEs
        dispatcher.register(Request.NOTIFY, messages);
        dispatcher.register(Request.BYE, upstreams.front(in -> {
            if (audio.owns(in.callId())) {
                audio.deviceBye(in);
            } else {
                media.handle(in);
            }
        }));
        // a device INVITEs the platform only to take the audio of a broadcast
        dispatcher.register(Request.INVITE, upstreams.front(audio));
        dispatcher.register(Request.ACK, upstreams.front(in -> audio.acknowledged(in.callId())));
        // only upper platforms subscribe to us, steer our sessions and cancel their INVITEs
        dispatcher.register(Request.SUBSCRIBE, upstreams.front(null));
        dispatcher.register(Request.INFO, upstreams.front(null));
        dispatcher.register(Request.CANCEL, upstreams.front(null));
        dispatcher.setAnsweredStatelessly(new StatelessRequests(upstreams::isUpperPlatform));
        dispatcher.setClientTransactionListener(sender);
    }

    /**
     * Registered devices keep priority when the SIP server is busy, and new devices are asked to come back later as
     * soon as the events their registration starts are backing up for the routes.
     */
    private void admitUnderLoad(Admission admission) {
        admission.setKnownDevice(id -> registry.find(id).map(Device::isRegistered).orElse(false));
        int backlogLimit = events.laneCapacity() / 10;
        admission.addPressure(() -> events.backlog() > backlogLimit);
        admission.addPressure(pacer::backedUp);
    }

    public synchronized void start() throws SipException {
        sipServer.start();
        long period = Math.max(100, Math.min(1000, settings.keepaliveTimeoutMillis() / 4));
        scheduler.scheduleWithFixedDelay(presence::sweep, period, period, TimeUnit.MILLISECONDS);
        upstreams.start();
    }

    public synchronized void stop() {
        upstreams.stop();
        if (relayedMedia != null) {
            relayedMedia.close();
        }
        media.close();
        audio.close();
        subscriptions.close();
        aggregator.close();
        threads.shutdown(scheduler, Duration.ZERO);
        sipServer.stop();
        events.close();
    }

    /** What producers ask of devices: the session facade over commander, media, broadcasts and subscriptions. */
    public PlatformCommands commands() {
        return commands;
    }

    public EventBus events() {
        return events;
    }

    public SipServer sipServer() {
        return sipServer;
    }

    /** The upper platforms this server is registered to: cascade links and device roles. */
    public UpstreamLinks upstreams() {
        return upstreams;
    }

    /** Where requests of our own go out from, and their answers come back to: for senders built on this server. */
    public RequestSender sender() {
        return sender;
    }

    /**
     * Registers this platform to an upper one as a lower platform, sharing the channels {@code shared} lets
     * through.
     *
     * @param relay what relaying the devices' media upward takes, or null when this platform cannot send media;
     *              every upper platform shares the relay of the first one given
     */
    public synchronized UpstreamLink cascade(UpstreamSettings upstream, SharedChannels shared, RelaySettings relay) {
        if (relay != null && relayedMedia == null) {
            relayedMedia = new RelayedMedia(media, events, relay, sipServer::advertisedHost,
                    Duration.ofMillis(upstream.requestTimeoutMillis()));
        }
        PlatformLower lower = new PlatformLower(upstream.localId(), shared, registry, commander, sender, waiters,
                codec, events, relay != null ? relayedMedia : null, Duration.ofMillis(upstream.requestTimeoutMillis()));
        return upstreams.add(upstream, lower);
    }

    /** The media relayed to upper platforms now, or null when none was set up. */
    public synchronized RelayedMedia relayedMedia() {
        return relayedMedia;
    }

    private void upstreamStatus(UpstreamStatus status) {
        events.publish(DeviceEvent.builder(status.online() ? EventType.UPSTREAM_ONLINE : EventType.UPSTREAM_OFFLINE,
                status.serverId()).body(status).reachableAt(status.address(), status.transport()).build());
    }

    /** Queries waiting for their answers. */
    public ResponseWaiters waiters() {
        return waiters;
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Paces the queries and subscriptions sent to devices. */
    public RequestPacer pacer() {
        return pacer;
    }

    /** What the SIP layer refused or dropped: malformed input leaves a count here, if nothing else. */
    public SipCounters counters() {
        return counters;
    }
}

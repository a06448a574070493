package io.github.gb28181.camel.sip;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.PresenceTracker;
import io.github.gb28181.camel.event.EventBus;
import io.github.gb28181.camel.sip.auth.DigestAuthenticator;
import io.github.gb28181.camel.sip.auth.NonceManager;
import io.github.gb28181.camel.sip.register.RegisterHandler;
import javax.sip.SipException;
import javax.sip.message.Request;

/**
 * A GB28181 platform on one listening address: the SIP server, the handlers for what devices send, and the timer
 * that notices silent devices. Independent of Camel; the component wraps it.
 */
public final class PlatformServer {

    private final SipServerSettings sipSettings;
    private final PlatformSettings settings;
    private final DeviceRegistry registry;
    private final EventBus events = new EventBus();
    private final Clock clock = Clock.systemUTC();
    private final RequestDispatcher dispatcher = new RequestDispatcher();
    private final SipServer sipServer;
    private final PresenceTracker presence;
    private ScheduledExecutorService scheduler;

    public PlatformServer(SipServerSettings sipSettings, PlatformSettings settings, DeviceRegistry registry) {
        this.sipSettings = sipSettings;
        this.settings = settings;
        this.registry = registry;
        this.sipServer = new SipServer(sipSettings, dispatcher);
        this.presence = new PresenceTracker(registry, events, settings.keepaliveTimeoutMillis(), clock);
        NonceManager nonces = settings.nonceGenerator() != null
                ? new NonceManager(settings.nonceGenerator(), settings.nonceTtlMillis(), clock)
                : new NonceManager(settings.nonceTtlMillis());
        DigestAuthenticator authenticator = new DigestAuthenticator(settings.realm(), nonces, settings.credentials(),
                settings.digestQop());
        dispatcher.register(Request.REGISTER,
                new RegisterHandler(authenticator, registry, presence, settings.registerDateHeader(), clock));
    }

    public synchronized void start() throws SipException {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gb28181-timer-" + sipSettings.key());
            t.setDaemon(true);
            return t;
        });
        sipServer.start();
        long period = Math.max(100, Math.min(1000, settings.keepaliveTimeoutMillis() / 4));
        scheduler.scheduleWithFixedDelay(presence::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        sipServer.stop();
    }

    public EventBus events() {
        return events;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public SipServer sipServer() {
        return sipServer;
    }

    public PlatformSettings settings() {
        return settings;
    }
}

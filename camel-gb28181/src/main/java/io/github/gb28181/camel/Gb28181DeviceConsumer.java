package io.github.gb28181.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.DeviceEventListener;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.media.send.MediaSenders;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.role.DeviceProfile;
import io.github.gb28181.camel.role.DeviceRole;
import io.github.gb28181.camel.role.DeviceRoute;
import io.github.gb28181.camel.role.DeviceSession;
import io.github.gb28181.camel.upstream.UpstreamLink;
import io.github.gb28181.camel.upstream.UpstreamSettings;
import io.github.gb28181.camel.upstream.UpstreamStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.URISupport;

/**
 * A route that is a GB28181 device: while it runs, the device is registered to its platform and kept alive. The
 * platform's controls and queries, its media sessions (INVITE, INFO, BYE) and the registration's ups and downs come to
 * the route as exchanges; a query's answer is the body the route leaves (a MANSCDP Response), else the configured one.
 */
public class Gb28181DeviceConsumer extends DefaultConsumer implements DeviceRoute {

    /** What a device exchange is about: the CamelGb28181EventType header. */
    public enum DeviceEventType {
        /** a query from the platform; the route may answer it with a Response body */
        QUERY,
        /** a control (PTZ and the rest); the route may answer with a Response body carrying the Result */
        CONTROL,
        /** a media session started: stream frames into it (CamelGb28181SessionId) through a gb28181-rtp producer */
        INVITE,
        /** MANSRTSP in a session (pause, play, scale, seek); the body is its text */
        INFO,
        /** the session ended: stop streaming */
        BYE,
        /** registered to the platform */
        UPSTREAM_ONLINE,
        /** the registration was lost or given up */
        UPSTREAM_OFFLINE
    }

    private PlatformServer server;
    private UpstreamLink link;
    private DeviceEventListener statusListener;
    private ExecutorService executor;

    public Gb28181DeviceConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Gb28181DeviceConfiguration device = getEndpoint().getDeviceConfiguration();
        Gb28181Configuration config = getEndpoint().getConfiguration();
        if (device.getPlatformAddress() == null || device.getPlatformId() == null || device.getLocalId() == null) {
            throw new IllegalArgumentException("gb28181:device needs platformAddress, platformId and localId");
        }
        UpstreamSettings settings = UpstreamSettings.builder().name(device.getLocalId() + "->" + device.getPlatformId())
                .address(device.getPlatformAddress()).serverId(device.getPlatformId())
                .domain(device.getPlatformDomain()).transport(device.getPlatformTransport())
                .localId(device.getLocalId()).password(blankToNull(device.getPlatformPassword()))
                .expires(device.getRegisterExpires()).keepaliveIntervalMillis(device.getKeepaliveInterval())
                .requestTimeoutMillis(config.getTimeout()).build();
        DeviceProfile profile = new DeviceProfile(device.getLocalId(), device.getDeviceName(), device.getManufacturer(),
                device.getModel(), device.getFirmware(), DeviceProfile.channels(device.getChannels(),
                        device.getLocalId()));
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newCachedThreadPool(this,
                "gb28181-device-" + device.getLocalId());
        server = getEndpoint().getComponent().acquireServer(config,
                URISupport.sanitizeUri(getEndpoint().getEndpointUri()));
        statusListener = event -> onStatus(event, settings);
        server.events().subscribe(statusListener);
        String bindHost = config.getMediaHost() != null ? config.getMediaHost() : "0.0.0.0";
        DeviceRole role = new DeviceRole(profile, this, senders(), bindHost, server.sipServer()::advertisedHost);
        link = server.upstreams().add(settings, role);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.upstreams().remove(link);
            server.events().unsubscribe(statusListener);
            getEndpoint().getComponent().releaseServer(getEndpoint().getConfiguration());
            server = null;
            link = null;
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        super.doStop();
    }

    /** The device's link to its platform, while the route runs. */
    public UpstreamLink getLink() {
        return link;
    }

    private MediaSenders senders() {
        Gb28181RtpComponent rtp = getEndpoint().getCamelContext().getComponent("gb28181-rtp",
                Gb28181RtpComponent.class);
        return rtp != null ? rtp.mediaSenders() : null;
    }

    private void onStatus(DeviceEvent event, UpstreamSettings settings) {
        if ((event.type() == EventType.UPSTREAM_ONLINE || event.type() == EventType.UPSTREAM_OFFLINE)
            && event.body() instanceof UpstreamStatus status && status.localId().equals(settings.localId())
            && status.serverId().equals(settings.serverId())) {
            emit(DeviceEventType.valueOf(event.type().name()), status, null, null);
        }
    }

    @Override
    public CompletableFuture<ManscdpMessage> query(ManscdpMessage query, ManscdpMessage configured) {
        return emit(DeviceEventType.QUERY, query, query.getDeviceId(), null).thenApply(exchange -> {
            Object body = exchange.getMessage().getBody();
            return body instanceof ManscdpMessage answer && answer != query && answer.getKind() == RootKind.RESPONSE
                    ? answer : configured;
        }).exceptionally(error -> configured);
    }

    @Override
    public CompletableFuture<ManscdpMessage> control(ManscdpMessage control) {
        return emit(DeviceEventType.CONTROL, control, control.getDeviceId(), null).thenApply(exchange -> {
            Object body = exchange.getMessage().getBody();
            return body instanceof ManscdpMessage answer && answer != control
                   && answer.getKind() == RootKind.RESPONSE ? answer : null;
        });
    }

    @Override
    public void sessionStarted(DeviceSession session) {
        emit(DeviceEventType.INVITE, session, session.channelId(), session.sessionId());
    }

    @Override
    public CompletableFuture<Integer> info(DeviceSession session, String body) {
        return emit(DeviceEventType.INFO, body, session.channelId(), session.sessionId())
                .handle((exchange, error) -> error != null ? 500 : 200);
    }

    @Override
    public void sessionEnded(DeviceSession session) {
        emit(DeviceEventType.BYE, session, session.channelId(), session.sessionId());
    }

    /**
     * Runs the route for one thing the platform did, on the consumer's own threads (a route may stream a whole
     * session on one); completes with the exchange, exceptionally when the route failed.
     */
    private CompletableFuture<Exchange> emit(DeviceEventType type, Object body, String channelId, String sessionId) {
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        ExecutorService threads = executor;
        if (threads == null || threads.isShutdown()) {
            done.completeExceptionally(new IllegalStateException("The device route is stopping"));
            return done;
        }
        Gb28181DeviceConfiguration device = getEndpoint().getDeviceConfiguration();
        threads.execute(() -> {
            Exchange exchange = createExchange(false);
            exchange.setPattern(ExchangePattern.InOut);
            Message in = exchange.getIn();
            in.setBody(body);
            in.setHeader(Gb28181Constants.EVENT_TYPE, type.name());
            in.setHeader(Gb28181Constants.DEVICE_ID, device.getLocalId());
            if (channelId != null) {
                in.setHeader(Gb28181Constants.CHANNEL_ID, channelId);
            }
            if (sessionId != null) {
                in.setHeader(Gb28181Constants.SESSION_ID, sessionId);
            }
            if (body instanceof ManscdpMessage document) {
                in.setHeader(Gb28181Constants.CMD_TYPE, document.getCmdType());
                in.setHeader(Gb28181Constants.SN, document.getSn());
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing gb28181 device " + type, exchange,
                        exchange.getException());
                done.completeExceptionally(exchange.getException());
            } else {
                done.complete(exchange);
            }
        });
        return done;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

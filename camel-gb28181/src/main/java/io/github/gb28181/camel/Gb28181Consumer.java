package io.github.gb28181.camel;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.DeviceEventListener;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.platform.PlatformServer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.URISupport;

/**
 * Turns device events into exchanges: the body is the event's object, the headers say what and who.
 */
public class Gb28181Consumer extends DefaultConsumer implements DeviceEventListener {

    private Set<EventType> types;
    private Set<String> deviceIds;
    private PlatformServer server;

    public Gb28181Consumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        types = getEndpoint().eventTypes();
        deviceIds = getEndpoint().deviceIdFilter();
        server = getEndpoint().getComponent().acquireServer(getEndpoint().getConfiguration(),
                URISupport.sanitizeUri(getEndpoint().getEndpointUri()));
        server.events().subscribe(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.events().unsubscribe(this);
            getEndpoint().getComponent().releaseServer(getEndpoint().getConfiguration());
            server = null;
        }
        super.doStop();
    }

    @Override
    public boolean wants(EventType type) {
        return types.contains(type);
    }

    @Override
    public void onEvent(DeviceEvent event) {
        process(event);
    }

    @Override
    public CompletionStage<Void> process(DeviceEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!types.contains(event.type()) || !deviceIds.isEmpty() && !deviceIds.contains(event.deviceId())) {
            done.complete(null);
            return done;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event.body());
        in.setHeader(Gb28181Constants.EVENT_TYPE, event.type().name());
        in.setHeader(Gb28181Constants.DEVICE_ID, event.deviceId());
        setIfPresent(in, Gb28181Constants.CHANNEL_ID, event.channelId());
        setIfPresent(in, Gb28181Constants.SN, event.sn());
        setIfPresent(in, Gb28181Constants.CMD_TYPE, event.cmdType());
        setIfPresent(in, Gb28181Constants.REMOTE_ADDRESS, event.remoteAddress());
        setIfPresent(in, Gb28181Constants.TRANSPORT, event.transport());
        setIfPresent(in, Gb28181Constants.CALL_ID, event.callId());
        if (event.type() == EventType.SESSION_ENDED) {
            in.setHeader(Gb28181Constants.SESSION_ID, event.callId());
        }
        if (event.partial()) {
            in.setHeader(Gb28181Constants.PARTIAL, true);
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            Exception failure = exchange.getException();
            if (failure != null) {
                getExceptionHandler().handleException("Error processing gb28181 " + event.type() + " event",
                        exchange, failure);
            }
            releaseExchange(exchange, false);
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}

package io.github.gb28181.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.upstream.UpstreamHook;
import io.github.gb28181.camel.upstream.UpstreamTraffic;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.URISupport;

/**
 * Shows routes what passes between upper platforms and us: each request an upper platform sends (IN) and each
 * document we send it (OUT) becomes an exchange. By default the route only watches, and the traffic does not wait for
 * it. With {@code veto=true} the traffic waits: a route that sets CamelGb28181Veto (a SIP status) refuses an IN
 * request, and the body it leaves on an OUT document (changed, or another one; null to send nothing) is what goes.
 */
public class Gb28181UpstreamConsumer extends DefaultConsumer implements UpstreamHook {

    private PlatformServer server;

    public Gb28181UpstreamConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        server = getEndpoint().getComponent().acquireServer(getEndpoint().getConfiguration(),
                URISupport.sanitizeUri(getEndpoint().getEndpointUri()));
        server.upstreams().addHook(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.upstreams().removeHook(this);
            getEndpoint().getComponent().releaseServer(getEndpoint().getConfiguration());
            server = null;
        }
        super.doStop();
    }

    @Override
    public CompletionStage<Integer> request(UpstreamTraffic traffic) {
        CompletableFuture<Exchange> processed = process(traffic, traffic.body());
        if (!getEndpoint().isVeto()) {
            return CompletableFuture.completedFuture(null);
        }
        return processed.handle((exchange, error) -> {
            if (error != null) {
                return 500;
            }
            Integer veto = exchange.getMessage().getHeader(Gb28181Constants.VETO, Integer.class);
            return veto != null && veto >= 300 && veto <= 699 ? veto : null;
        });
    }

    @Override
    public CompletionStage<ManscdpMessage> outgoing(UpstreamTraffic traffic, ManscdpMessage document) {
        CompletableFuture<Exchange> processed = process(traffic, document);
        if (!getEndpoint().isVeto()) {
            return CompletableFuture.completedFuture(document);
        }
        return processed.handle((exchange, error) -> {
            if (error != null) {
                return document;
            }
            Object body = exchange.getMessage().getBody();
            return body == null ? null : body instanceof ManscdpMessage changed ? changed : document;
        });
    }

    private CompletableFuture<Exchange> process(UpstreamTraffic traffic, Object body) {
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(body);
        in.setHeader(Gb28181Constants.UPSTREAM, traffic.upstream());
        in.setHeader(Gb28181Constants.DEVICE_ID, traffic.serverId());
        in.setHeader(Gb28181Constants.DIRECTION, traffic.direction().name());
        in.setHeader(Gb28181Constants.METHOD, traffic.method());
        setIfPresent(in, Gb28181Constants.CMD_TYPE, traffic.cmdType());
        setIfPresent(in, Gb28181Constants.SN, traffic.sn());
        setIfPresent(in, Gb28181Constants.CHANNEL_ID, traffic.targetId());
        setIfPresent(in, Gb28181Constants.CALL_ID, traffic.callId());
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing gb28181 upstream " + traffic.method(),
                        exchange, exchange.getException());
                done.completeExceptionally(exchange.getException());
            } else {
                done.complete(exchange);
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

package io.github.gb28181.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sip.command.QueryResult;
import io.github.gb28181.camel.sip.media.MediaSession;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Runs one command per exchange (the endpoint's, or the one the header CamelGb28181Command names). Queries complete
 * with the device's Response as the body (Catalog and RecordInfo aggregated across MESSAGEs), media commands with
 * the session; no thread waits while the device answers.
 */
public class Gb28181Producer extends DefaultAsyncProducer {

    private PlatformServer server;

    public Gb28181Producer(Gb28181Endpoint endpoint) {
        super(endpoint);
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
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            getEndpoint().getComponent().releaseServer(getEndpoint().getConfiguration());
            server = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> answer;
        try {
            Gb28181Command command = command(exchange.getIn());
            answer = command.handler().execute(new CommandInput(command, getEndpoint(), exchange.getIn(), server.commands()));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        answer.whenComplete((result, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                reply(exchange.getMessage(), result);
            }
            callback.done(false);
        });
        return false;
    }

    private Gb28181Command command(Message in) {
        Object header = in.getHeader(Gb28181Constants.COMMAND);
        Gb28181Command command = header == null ? getEndpoint().getCommand()
                : header instanceof Gb28181Command c ? c : Gb28181Command.of(header.toString());
        if (command == Gb28181Command.EVENTS) {
            throw new IllegalArgumentException("events is for consumers; a producer names a command such as catalog");
        }
        return command;
    }

    private static void reply(Message out, Object result) {
        if (result instanceof QueryResult answer) {
            if (answer.response() != null) {
                out.setBody(answer.response());
                if (answer.partial()) {
                    out.setHeader(Gb28181Constants.PARTIAL, true);
                }
            }
        } else if (result != null) { // null: audio sent, the exchange keeps its body
            out.setBody(result);
            if (result instanceof MediaSession session) {
                out.setHeader(Gb28181Constants.SESSION_ID, session.sessionId());
            }
        }
    }
}

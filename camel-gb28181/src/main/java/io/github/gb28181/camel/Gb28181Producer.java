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
        if (answer.isDone()) { // answered without asking a device (sessions, a refusal): no thread to leave
            complete(exchange, answer.handle((result, error) -> error != null ? error : new Reply(result)).join());
            callback.done(true);
            return true;
        }
        // a device's answer completes the future on a jain-sip thread, a timeout on the JDK's delayer thread: the
        // route continues on the component's reply threads instead, so it never holds either
        answer.whenCompleteAsync((result, error) -> {
            complete(exchange, error != null ? error : new Reply(result));
            callback.done(false);
        }, getEndpoint().getComponent().replyExecutor());
        return false;
    }

    /** What a command completed with, told apart from a failure. */
    private record Reply(Object value) {
    }

    private static void complete(Exchange exchange, Object outcome) {
        if (outcome instanceof Reply reply) {
            reply(exchange.getMessage(), reply.value());
        } else {
            Throwable error = (Throwable) outcome;
            exchange.setException(error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
        }
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

package io.github.gb28181.camel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sip.command.QueryResult;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.MediaSession;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends a query or control command to a device. Queries complete with the device's Response as the body (Catalog
 * and RecordInfo aggregated across MESSAGEs); no thread waits while the device answers.
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
        server = getEndpoint().getComponent().acquireServer(getEndpoint().getConfiguration());
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
        CompletableFuture<QueryResult> answer;
        Message in = exchange.getIn();
        try {
            Gb28181Endpoint endpoint = getEndpoint();
            String command = in.getHeader(Gb28181Constants.COMMAND, endpoint.getCommand(), String.class);
            if ("subscribe".equalsIgnoreCase(command) || "unsubscribe".equalsIgnoreCase(command)) {
                return subscription(exchange, callback, command);
            }
            if (Gb28181MediaCommands.isMediaCommand(command)) {
                complete(exchange, callback, Gb28181MediaCommands.execute(command, endpoint, in, server), result -> {
                    if (result == null) {
                        return; // audio sent: the exchange keeps its body
                    }
                    exchange.getMessage().setBody(result);
                    if (result instanceof MediaSession session) {
                        exchange.getMessage().setHeader(Gb28181Constants.SESSION_ID, session.sessionId());
                    }
                });
                return false;
            }
            Gb28181CommandFactory.Command cmd = Gb28181CommandFactory.create(command, endpoint, in);
            String deviceId = in.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class);
            String channelId = in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class);
            String target;
            if (cmd.channelLevel()) {
                target = channelId != null ? channelId : deviceId;
            } else {
                // a device-level command named by one of the device's channels goes to, and names, the device
                target = deviceId != null ? deviceId
                        : server.registry().owner(channelId).map(Device::getDeviceId).orElse(channelId);
            }
            Duration timeout = Duration.ofMillis(endpoint.getTimeout());
            answer = cmd.query()
                    ? server.commander().query(deviceId, target, cmd.document(), timeout)
                    : server.commander().control(deviceId, target, cmd.document(), endpoint.isWaitForResult(), timeout);
            in.setHeader(Gb28181Constants.SN, cmd.document().getSn());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        complete(exchange, callback, answer, result -> {
            if (result.response() != null) {
                Message out = exchange.getMessage();
                out.setBody(result.response());
                if (result.partial()) {
                    out.setHeader(Gb28181Constants.PARTIAL, true);
                }
            }
        });
        return false;
    }

    private boolean subscription(Exchange exchange, AsyncCallback callback, String command) {
        Gb28181Endpoint endpoint = getEndpoint();
        Message in = exchange.getIn();
        String deviceId = in.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class);
        String kindName = endpoint.getSubscription();
        if (deviceId == null || kindName == null) {
            throw new IllegalArgumentException("gb28181:" + command + " needs deviceId and subscription"
                                               + " (catalog, alarm or mobilePosition)");
        }
        SubscriptionManager.Kind kind = SubscriptionManager.Kind.of(kindName);
        Duration timeout = Duration.ofMillis(endpoint.getTimeout());
        CompletableFuture<SubscriptionManager.Subscription> done = "subscribe".equalsIgnoreCase(command)
                ? server.subscriptions().subscribe(deviceId, kind, endpoint.getExpires(), endpoint.getInterval(), timeout)
                : server.subscriptions().unsubscribe(deviceId, kind, timeout);
        complete(exchange, callback, done, subscription -> exchange.getMessage().setBody(subscription));
        return false;
    }

    private static <T> void complete(
            Exchange exchange, AsyncCallback callback, CompletableFuture<T> future,
            java.util.function.Consumer<T> onSuccess) {
        future.whenComplete((result, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                onSuccess.accept(result);
            }
            callback.done(false);
        });
    }
}

package io.github.gb28181.example;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends commands to devices through the gb28181 component, the way a route would. The component answers
 * asynchronously, so no HTTP thread waits while a device takes its time; a failed exchange fails the future with the
 * component's own exception (DeviceUnavailableException, DeviceTimeoutException, DeviceRejectedException ...).
 * Every command waits at most {@code gb28181.command-timeout} for the device: application.yaml makes it the
 * component's timeout ({@code camel.component.gb28181.timeout}).
 */
@Component
public class DeviceCommands {

    private final ProducerTemplate template;

    public DeviceCommands(ProducerTemplate template) {
        this.template = template;
    }

    /** Sends to a gb28181 endpoint with the given headers (null values left out); completes with the reply body. */
    public CompletableFuture<Object> send(String uri, Map<String, ?> headers) {
        return template.asyncSend(uri, exchange -> headers.forEach((name, value) -> {
            if (value != null) {
                exchange.getIn().setHeader(name, value);
            }
        })).thenCompose(DeviceCommands::outcome);
    }

    /** Like {@link #send}, the reply body converted. */
    public <T> CompletableFuture<T> send(String uri, Map<String, ?> headers, Class<T> type) {
        return send(uri, headers).thenApply(type::cast);
    }

    private static CompletableFuture<Object> outcome(Exchange exchange) {
        Exception failure = exchange.getException();
        return failure != null
                ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture(exchange.getMessage().getBody());
    }
}

package io.github.gb28181.example.alarms;

import io.github.gb28181.camel.sip.log.LogThrottle;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Alarms POSTed as JSON to {@code gb28181.webhook-url}, taken from the durable queue {@code gb28181.webhook}, several
 * at once ({@code gb28181.webhook-parallel}) so a slow target does not hold the others back, each POST bounded by
 * a 5 s connect and a 10 s response timeout. A POST that fails (no answer, not 2xx) rolls back: the broker tries again with backoff, and
 * after {@code gb28181.webhook-retry-for} moves the alarm to {@code gb28181.webhook.dead}. Failures are logged once
 * per line of the throttle, not with a stack trace per try.
 */
@Component
@ConditionalOnExpression("'${gb28181.webhook-url:}' != ''")
public class AlarmWebhookRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmWebhookRoute.class);
    static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long RESPONSE_TIMEOUT_MILLIS = 10_000;
    private final LogThrottle failures = new LogThrottle();
    private final String url;
    private final int parallel;

    public AlarmWebhookRoute(@Value("${gb28181.webhook-url}") String url,
                             @Value("${gb28181.webhook-parallel:4}") int parallel) {
        this.url = url;
        this.parallel = parallel;
    }

    @Override
    public void configure() {
        // a target that does not answer is a failed POST, tried again later, not a consumer blocked for good
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent http = getCamelContext().getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            http.setResponseTimeout(RESPONSE_TIMEOUT_MILLIS);
        }
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false).logStackTrace(false)
                .logRetryAttempted(false).logHandled(false).logExhaustedMessageHistory(false));
        onException(Exception.class).handled(false).process(this::failed);

        from("jms:queue:" + AlarmQueues.WEBHOOK + "?transacted=true&concurrentConsumers=" + parallel
             + "&cacheLevelName=CACHE_CONSUMER&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("alarm-webhook")
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .to(url);
    }

    private void failed(Exchange exchange) {
        String more = failures.admit();
        if (more != null) {
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            LOG.warn("Webhook POST of an alarm failed, it will be tried again (then kept in {}): {}{}",
                    AlarmQueues.DEAD, cause == null ? "unknown error" : cause.getMessage(), more);
        }
    }
}

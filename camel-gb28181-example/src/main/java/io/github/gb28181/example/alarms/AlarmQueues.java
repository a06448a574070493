package io.github.gb28181.example.alarms;

import java.time.Duration;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * The alarms' durable path in the embedded broker, whose journal is in the data folder: the queue the webhook is fed
 * from, redelivery with backoff (1 s, doubling, at most 60 s between tries) for {@code gb28181.webhook-retry-for},
 * then the dead-letter queue {@code gb28181.webhook.dead}, which {@code GET /api/alarms/dead} shows. An alarm the
 * platform has answered is in the journal: a kill -9 does not lose it.
 */
@Component
public class AlarmQueues implements ArtemisConfigurationCustomizer {

    public static final String WEBHOOK = "gb28181.webhook";
    public static final String DEAD = "gb28181.webhook.dead";
    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 60_000;

    private final Duration retryFor;

    public AlarmQueues(@Value("${gb28181.webhook-retry-for:1h}") Duration retryFor) {
        this.retryFor = retryFor;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.addAddressSetting(WEBHOOK, new AddressSettings()
                .setRedeliveryDelay(FIRST_DELAY_MILLIS)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(MAX_DELAY_MILLIS)
                .setMaxDeliveryAttempts(attempts(retryFor))
                .setDeadLetterAddress(SimpleString.of(DEAD)));
        configuration.addQueueConfiguration(QueueConfiguration.of(WEBHOOK).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEAD).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
    }

    /** Deliveries that, with the backoff, keep trying for at least {@code retryFor}. */
    static int attempts(Duration retryFor) {
        long waited = 0;
        long delay = FIRST_DELAY_MILLIS;
        int attempts = 1;
        while (waited < retryFor.toMillis()) {
            waited += delay;
            delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
            attempts++;
        }
        return attempts;
    }
}

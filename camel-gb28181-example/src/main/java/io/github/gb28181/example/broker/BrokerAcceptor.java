package io.github.gb28181.example.broker;

import io.github.gb28181.example.PlatformProperties;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Opens the embedded broker to other processes: Spring Boot's embedded Artemis accepts in-VM clients only, and the
 * point of publishing events to {@code gb28181.events} is that other applications subscribe to it. Not used when
 * {@code spring.artemis.mode=native} points the platform at an external broker.
 */
@Component
public class BrokerAcceptor implements ArtemisConfigurationCustomizer {

    private final PlatformProperties properties;

    public BrokerAcceptor(PlatformProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        if (properties.brokerPort() <= 0) {
            return;
        }
        try {
            configuration.addAcceptorConfiguration("tcp",
                    "tcp://" + properties.brokerHost() + ":" + properties.brokerPort() + "?protocols=CORE");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the broker on port " + properties.brokerPort(), e);
        }
    }
}

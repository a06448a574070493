package io.github.gb28181.example.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;
import org.springframework.stereotype.Component;

/**
 * Resolves each topic and queue name once. Spring's default resolver asks the session for the destination on every
 * send, and Artemis answers that with a round trip to the broker: a blocking address query per event, which under
 * a registration storm cost the broker as much as the events themselves. The routes name it as their JMS endpoints'
 * destinationResolver.
 */
@Component("jmsDestinations")
public class CachedDestinations implements DestinationResolver {

    private final DestinationResolver resolver = new DynamicDestinationResolver();
    private final Map<String, Destination> topics = new ConcurrentHashMap<>();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain)
            throws JMSException {
        Map<String, Destination> known = pubSubDomain ? topics : queues;
        Destination destination = known.get(name);
        if (destination == null) {
            destination = resolver.resolveDestinationName(session, name, pubSubDomain);
            known.put(name, destination);
        }
        return destination;
    }
}

package io.github.gb28181.example.events;

import io.github.gb28181.camel.event.Registration;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.springframework.stereotype.Component;

/**
 * A REGISTER event that is a device's registration, not the refresh of one: the first-queries route's filter. A
 * predicate bean rather than {@code ${body.refresh} == false}, which Simple evaluates by reflection, copying the
 * exchange, for every registration: a tenth of the event lanes' time when a site registers at once.
 */
@Component("firstRegistration")
public class FirstRegistration implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getIn().getBody() instanceof Registration registration && !registration.refresh();
    }
}

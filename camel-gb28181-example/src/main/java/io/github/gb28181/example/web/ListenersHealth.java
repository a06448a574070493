package io.github.gb28181.example.web;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether every listener is up: the Camel context has started and so has every route, the SIP server and the RTP
 * listeners among them. The web server answers first; until then readiness ({@code /actuator/health/readiness},
 * which includes this) says OUT_OF_SERVICE with {@code state: starting}, and the page says "starting".
 */
@Component("listeners")
public class ListenersHealth implements HealthIndicator {

    private final CamelContext camel;

    public ListenersHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.outOfService().withDetail("state", "starting").build();
        }
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            if (status != ServiceStatus.Started && !isTemplate(route)) {
                return Health.outOfService().withDetail("state", "starting").withDetail("route", route.getRouteId())
                        .build();
            }
        }
        return Health.up().withDetail("state", "ready").withDetail("routes", camel.getRoutes().size()).build();
    }

    /** Routes made from templates per stream start and stop with their stream. */
    private static boolean isTemplate(Route route) {
        return route.getRouteId().startsWith("rtp-tcp-active-");
    }
}

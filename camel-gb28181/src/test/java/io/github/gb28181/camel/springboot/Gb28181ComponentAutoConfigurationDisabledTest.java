package io.github.gb28181.camel.springboot;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.Gb28181RtpComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.gb28181.enabled=false} works as in Camel's own starters: no auto-configuration, and the
 * component keeps what Java code (here: nothing) gave it; the gb28181-rtp component, whose flag is its own, is still
 * configured. No route, so no SIP server binds a port.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Gb28181ComponentAutoConfigurationDisabledTest.Application.class,
                properties = {
                        "camel.component.gb28181.enabled=false",
                        "camel.component.gb28181.host=127.0.0.1",
                        "camel.component.gb28181.server-id=44010000002000000001",
                        // "camel.component.gb28181" is no prefix of this one's: it stays configured
                        "camel.component.gb28181-rtp.mode=es" })
class Gb28181ComponentAutoConfigurationDisabledTest {

    @Autowired
    private ApplicationContext applicationContext;

    @Autowired
    private CamelContext camelContext;

    @Test
    void propertiesAreNotApplied() {
        assertThat(applicationContext.getBeanNamesForType(Gb28181ComponentAutoConfiguration.class)).isEmpty();

        Gb28181Configuration config = camelContext.getComponent("gb28181", Gb28181Component.class).getConfiguration();
        Gb28181Configuration defaults = new Gb28181Configuration();
        assertThat(config.getHost()).isEqualTo(defaults.getHost());
        assertThat(config.getServerId()).isEqualTo(defaults.getServerId());
    }

    @Test
    void theRtpComponentIsStillConfigured() {
        assertThat(applicationContext.getBeanNamesForType(Gb28181RtpComponentAutoConfiguration.class)).hasSize(1);
        assertThat(camelContext.getComponent("gb28181-rtp", Gb28181RtpComponent.class).getConfiguration().getMode())
                .isEqualTo("es");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}

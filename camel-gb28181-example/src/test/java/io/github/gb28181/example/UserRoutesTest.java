package io.github.gb28181.example;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route dropped in the routes folder of the data directory is loaded with the built-in ones and can use
 * the component.
 */
class UserRoutesTest extends PlatformTestSupport {

    @Autowired
    ProducerTemplate producer;

    @Test
    void routeFromTheRoutesFolderRuns() {
        Object sessions = producer.requestBody("direct:open-sessions", (Object) null);
        assertThat(sessions).isInstanceOf(List.class);
    }
}

package io.github.gb28181.camel.springboot;

import java.time.Duration;

import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-typed options name beans the way every Camel starter accepts, and a value that is not a reference stops
 * the application instead of leaving the option quietly unset.
 */
class Gb28181ComponentConverterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Gb28181ComponentConverter.class))
            .withUserConfiguration(Beans.class);

    @Test
    void bothReferenceFormsResolveTheNamedBean() {
        for (String reference : new String[] { "#bean:vault", "#vault" }) {
            runner.withPropertyValues("camel.component.gb28181.credential-lookup=" + reference).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Gb28181ComponentConfiguration.class).getCredentialLookup())
                        .as(reference).isSameAs(context.getBean("vault"));
            });
        }
    }

    @Test
    void aValueThatIsNotAReferenceFailsTheStartup() {
        runner.withPropertyValues("camel.component.gb28181.credential-lookup=vault").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("#bean:name");
        });
    }

    @Test
    void durationsStillBindWithTheConverterPresent() {
        runner.withPropertyValues("camel.component.gb28181.keepalive-timeout=2m",
                "camel.component.gb28181.aggregation-timeout=PT3S").run(context -> {
                    Gb28181ComponentConfiguration config = context.getBean(Gb28181ComponentConfiguration.class);
                    assertThat(config.getKeepaliveTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(config.getAggregationTimeout()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void theRtpConverterResolvesItsOwnOptionsTheSameWay() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Gb28181RtpComponentConverter.class))
                .withUserConfiguration(RtpBeans.class)
                .withPropertyValues("camel.component.gb28181-rtp.registry=#sessions",
                        "camel.component.gb28181-rtp.stream-idle-timeout=750ms")
                .run(context -> {
                    Gb28181RtpComponentConfiguration config = context.getBean(Gb28181RtpComponentConfiguration.class);
                    assertThat(config.getRegistry()).isSameAs(context.getBean("sessions"));
                    assertThat(config.getStreamIdleTimeout()).isEqualTo(Duration.ofMillis(750));
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Gb28181RtpComponentConverter.class))
                .withUserConfiguration(RtpBeans.class)
                .withPropertyValues("camel.component.gb28181-rtp.registry=sessions")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("#bean:name"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Gb28181RtpComponentConfiguration.class)
    static class RtpBeans {

        @Bean
        MediaSessionRegistry sessions() {
            return new InMemoryMediaSessionRegistry();
        }

        @Bean
        MediaSessionRegistry other() {
            return new InMemoryMediaSessionRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Gb28181ComponentConfiguration.class)
    static class Beans {

        @Bean
        CredentialLookup vault() {
            return (deviceId, username) -> "from-vault";
        }

        @Bean
        CredentialLookup other() {
            return (deviceId, username) -> "other";
        }
    }
}

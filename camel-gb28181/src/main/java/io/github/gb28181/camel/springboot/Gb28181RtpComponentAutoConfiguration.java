package io.github.gb28181.camel.springboot;

import io.github.gb28181.camel.Gb28181RtpComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.gb28181-rtp.*} to the gb28181-rtp component when Camel creates it.
 * {@code camel.component.gb28181-rtp.enabled=false} (or {@code camel.component.enabled=false}) turns this off and
 * leaves the component as Java code configures it; {@code camel.component.gb28181-rtp.customizer.enabled=false} keeps
 * the properties bound but stops copying them. The gb28181 component's flags do not affect this one.
 * <p>
 * Optional camel-spring-boot, as for {@link Gb28181ComponentAutoConfiguration}: without it Spring Boot drops this
 * class by {@link ConditionalOnClass} before loading it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, Gb28181RtpComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.gb28181-rtp" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, Gb28181RtpComponentConverter.class })
public class Gb28181RtpComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Gb28181RtpComponentConfiguration configuration;

    public Gb28181RtpComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                                Gb28181RtpComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureGb28181RtpComponent() {
        return new SpringPropertiesCustomizer(applicationContext, camelContext, configuration, "gb28181-rtp",
                Gb28181RtpComponent.class);
    }
}

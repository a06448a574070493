package io.github.gb28181.camel.springboot;

import io.github.gb28181.camel.Gb28181Component;
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
 * Applies {@code camel.component.gb28181.*} to the gb28181 component when Camel creates it.
 * {@code camel.component.gb28181.enabled=false} (or {@code camel.component.enabled=false}) turns this off and leaves
 * the component as Java code configures it; {@code camel.component.gb28181.customizer.enabled=false} keeps the
 * properties bound but stops copying them.
 * <p>
 * It lives in the component jar, not in a starter, so camel-spring-boot is optional here: only Spring Boot reads
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, and a Spring Boot
 * application without camel-spring-boot drops this class by {@link ConditionalOnClass} (checked from
 * {@code spring-autoconfigure-metadata.properties} before the class is loaded; the Camel conditions below could not
 * even be instantiated there).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, Gb28181ComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.gb28181" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, Gb28181ComponentConverter.class })
public class Gb28181ComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Gb28181ComponentConfiguration configuration;

    public Gb28181ComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                             Gb28181ComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureGb28181Component() {
        return new SpringPropertiesCustomizer(applicationContext, camelContext, configuration, "gb28181",
                Gb28181Component.class);
    }
}

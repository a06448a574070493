package io.github.gb28181.camel.springboot;

import java.util.Set;

import io.github.gb28181.camel.Gb28181RtpConfiguration;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Lets the object-typed options name a Spring bean, as in every Camel starter:
 * {@code camel.component.gb28181-rtp.registry=#bean:mySessions} (or {@code #mySessions}).
 */
@Configuration(proxyBeanMethods = false)
// without camel-spring-boot nothing binds the properties it converts for
@ConditionalOnClass(CamelAutoConfiguration.class)
@ConfigurationPropertiesBinding
@Component
public class Gb28181RtpComponentConverter extends BeanReferenceConverter {

    public Gb28181RtpComponentConverter(ApplicationContext applicationContext) {
        super(applicationContext, Set.of(Gb28181RtpConfiguration.class, MediaSessionRegistry.class, MeterRegistry.class));
    }
}

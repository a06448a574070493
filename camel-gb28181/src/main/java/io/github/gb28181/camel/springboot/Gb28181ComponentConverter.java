package io.github.gb28181.camel.springboot;

import java.util.Set;

import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Lets the object-typed options name a Spring bean, as in every Camel starter:
 * {@code camel.component.gb28181.credential-lookup=#bean:myLookup} (or {@code #myLookup}).
 */
@Configuration(proxyBeanMethods = false)
// without camel-spring-boot nothing binds the properties it converts for
@ConditionalOnClass(CamelAutoConfiguration.class)
@ConfigurationPropertiesBinding
@Component
public class Gb28181ComponentConverter extends BeanReferenceConverter {

    public Gb28181ComponentConverter(ApplicationContext applicationContext) {
        super(applicationContext, Set.of(Gb28181Configuration.class, DeviceRegistry.class, DeviceStore.class,
                MediaSessionRegistry.class, CredentialLookup.class, MeterRegistry.class));
    }
}

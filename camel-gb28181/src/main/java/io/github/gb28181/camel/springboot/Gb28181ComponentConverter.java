package io.github.gb28181.camel.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
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
public class Gb28181ComponentConverter implements GenericConverter {

    // only our own types: a binding converter that claimed a common type (String, Duration) would take over how
    // every @ConfigurationProperties in the application binds it
    private static final Set<Class<?>> TYPES = Set.of(Gb28181Configuration.class, DeviceRegistry.class,
            DeviceStore.class, MediaSessionRegistry.class, CredentialLookup.class);

    private final ApplicationContext applicationContext;

    public Gb28181ComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        Class<?> type = targetType.getType();
        if (!TYPES.contains(type)) {
            return null;
        }
        String ref = source.toString().trim();
        if (ref.isEmpty()) {
            return null;
        }
        // Camel's generated converters turn anything without '#' into null: a mistyped reference would then go
        // unnoticed, the component quietly falling back to its defaults (a new registry, the static passwords)
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("'" + ref + "' is not a bean reference: give " + type.getName()
                                               + " as #bean:name");
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, type);
    }
}

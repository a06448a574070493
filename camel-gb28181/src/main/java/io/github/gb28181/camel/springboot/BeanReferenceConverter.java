package io.github.gb28181.camel.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * What every component converter of this jar does, given the object types its options have: turns
 * {@code #bean:name} (or {@code #name}) into that Spring bean, and refuses anything else. Each component keeps a
 * converter class of its own, in the shape camel-spring-boot generates, so it can be listed, ordered after and tested
 * like any Camel starter's.
 */
abstract class BeanReferenceConverter implements GenericConverter {

    private final ApplicationContext applicationContext;
    private final Set<Class<?>> types;

    /**
     * @param types only the component's own types: a binding converter that claimed a common type (String, Duration)
     *              would take over how every @ConfigurationProperties in the application binds it
     */
    BeanReferenceConverter(ApplicationContext applicationContext, Set<Class<?>> types) {
        this.applicationContext = applicationContext;
        this.types = Set.copyOf(types);
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return types.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        Class<?> type = targetType.getType();
        if (!types.contains(type)) {
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

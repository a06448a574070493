package io.github.gb28181.example;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.Gb28181Upstream;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns {@code gb28181.upstream.*} into an upper platform of the gb28181 component (cascade). The component takes a
 * list of them ({@code camel.component.gb28181.upstreams}); the example offers one, with short property names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
public class UpstreamConfiguration {

    @Bean
    public ComponentCustomizer upstreamCustomizer(UpstreamProperties upstream) {
        return ComponentCustomizer.forType(Gb28181Component.class, component -> {
            if (upstream.configured()) {
                component.addUpstream(toUpstream(upstream));
            }
        });
    }

    static Gb28181Upstream toUpstream(UpstreamProperties properties) {
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("upstream");
        upstream.setAddress(properties.address());
        upstream.setServerId(properties.serverId());
        upstream.setDomain(blankToNull(properties.domain()));
        upstream.setLocalId(blankToNull(properties.localId()));
        upstream.setPassword(blankToNull(properties.password()));
        if (properties.transport() != null && !properties.transport().isBlank()) {
            upstream.setTransport(properties.transport());
        }
        return upstream;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

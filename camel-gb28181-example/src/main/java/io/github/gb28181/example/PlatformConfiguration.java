package io.github.gb28181.example;

import io.github.gb28181.camel.device.DeviceRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans the example shares with the gb28181 component.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** The component's registry (camel.component.gb28181.device-registry names it), read by the REST API. */
    @Bean
    public DeviceRegistry deviceRegistry() {
        return new DeviceRegistry();
    }
}

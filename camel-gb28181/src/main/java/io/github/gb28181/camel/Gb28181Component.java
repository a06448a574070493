package io.github.gb28181.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The GB/T 28181 platform component: a SIP server devices register to, device events as exchanges, and commands
 * to devices.
 */
@Component("gb28181")
public class Gb28181Component extends DefaultComponent {

    @Metadata(description = "The shared platform configuration; endpoint options override it.")
    private Gb28181Configuration configuration = new Gb28181Configuration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Gb28181Endpoint endpoint = new Gb28181Endpoint(uri, this, configuration.copy());
        endpoint.setCommand(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }
}

package io.github.gb28181.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A GB/T 28181 platform endpoint: gb28181:events consumes device events; gb28181:catalog, gb28181:ptz and the other
 * commands send a query or a control command to a device.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:command",
             category = { Category.IOT, Category.NETWORKING }, headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint {

    @UriPath
    @Metadata(required = true, description = "What the endpoint does: events (consumer), or the command a producer"
                                             + " sends to a device.")
    private String command;
    @UriParam
    private Gb28181Configuration configuration;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }
}

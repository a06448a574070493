package io.github.gb28181.camel;

import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A Camel context whose gb28181 component listens on a free loopback port with password 12345678.
 */
public abstract class Gb28181TestSupport extends CamelTestSupport {

    public static final String PASSWORD = "12345678";
    protected final int sipPort = FreePorts.udpAndTcp();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        bindBeans(context);
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(sipPort);
        component.getConfiguration().setPassword(PASSWORD);
        configure(component.getConfiguration());
        context.addComponent("gb28181", component);
        return context;
    }

    /** Every event type, keepalives too, as a comma-separated list for {@code types=}. */
    protected static final String ALL_TYPES = java.util.Arrays.stream(
            io.github.gb28181.camel.event.EventType.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.joining(","));

    /** Every event to mock:events; tests that need other routes override this. */
    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=" + ALL_TYPES).to("mock:events");
            }
        };
    }

    /** Beans the component should find (autowire) when it is added. */
    protected void bindBeans(CamelContext context) {
    }

    /** Adjust the component configuration before the context starts. */
    protected void configure(Gb28181Configuration configuration) {
    }

    protected Gb28181Component gb28181() {
        return context.getComponent("gb28181", Gb28181Component.class);
    }
}

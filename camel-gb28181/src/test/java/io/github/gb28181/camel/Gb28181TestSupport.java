package io.github.gb28181.camel;

import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
        Gb28181Component component = loopbackComponent(sipPort);
        configure(component.getConfiguration());
        context.addComponent("gb28181", component);
        return context;
    }

    /** Every event type, keepalives too, as a comma-separated list for {@code types=}. */
    protected static final String ALL_TYPES = java.util.Arrays.stream(
            io.github.gb28181.camel.event.EventType.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.joining(","));

    /** A gb28181 component that listens on 127.0.0.1:port and lets devices in with {@link #PASSWORD}. */
    public static Gb28181Component loopbackComponent(int port) {
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(port);
        component.getConfiguration().setPassword(PASSWORD);
        return component;
    }

    /** A Camel context (not started) with such a component, for tests that build their own routes. */
    public static CamelContext loopbackContext(int port) {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("gb28181", loopbackComponent(port));
        return context;
    }

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

package io.github.gb28181.camel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static org.awaitility.Awaitility.await;

/**
 * The platform a documented snippet names at 10.0.0.1:5060 (the upper platform of a cascade, the platform a route
 * playing a device registers to): a second platform of ours on a free loopback port, with the id and password the
 * snippet gives it. When the snippet plays a device, this platform plays the device's channels until video arrives,
 * then ends the session, so the route that streams runs to its end too.
 */
final class SnippetPeer implements AutoCloseable {

    static final String NAMED_ADDRESS = "10.0.0.1:5060";
    private static final Pattern ID = Pattern.compile("(?:platformId=|setServerId\\(\")([0-9]{20})");
    private static final Pattern PASSWORD = Pattern.compile("(?:platformPassword=|setPassword\\(\")([^&\"]+)");
    private static final Pattern ROLE = Pattern.compile("gb28181:device\\?(?:[^\"]*&)?localId=([0-9]{20})");
    private static final Pattern CHANNEL = Pattern.compile("channels=([0-9]{20})");

    private final String code;
    private final int port = FreePorts.udpAndTcp();
    private final int mediaPort = FreePorts.udpAndTcp();
    private final AtomicInteger frames = new AtomicInteger();
    private final CamelContext context = new DefaultCamelContext();

    private SnippetPeer(String code) {
        this.code = code;
    }

    /** The peer a snippet names, started; or null when it names none. */
    static SnippetPeer of(String code) throws Exception {
        if (!code.contains(NAMED_ADDRESS)) {
            return null;
        }
        SnippetPeer peer = new SnippetPeer(code);
        peer.start();
        return peer;
    }

    /** The snippet, with the peer where it names 10.0.0.1:5060. */
    String rewrite(String snippet) {
        return snippet.replace(NAMED_ADDRESS, "127.0.0.1:" + port);
    }

    private void start() throws Exception {
        String id = find(ID, "the peer's id");
        Gb28181Component component = Gb28181TestSupport.loopbackComponent(port);
        component.getConfiguration().setServerId(id);
        component.getConfiguration().setDomain(id.substring(0, 10));
        component.getConfiguration().setPassword(find(PASSWORD, "the peer's password"));
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").to("log:snippet-peer?level=DEBUG");
                from("gb28181-rtp:127.0.0.1:" + mediaPort).process(e -> frames.incrementAndGet());
            }
        });
        context.start();
    }

    /** Plays each channel of the device the snippet plays, if it plays one, and ends the session once video came. */
    void playDeviceChannels(Duration wait) {
        Matcher role = ROLE.matcher(code);
        if (!role.find()) {
            return;
        }
        String deviceId = role.group(1);
        await().atMost(wait).until(() -> context.getComponent("gb28181", Gb28181Component.class).getDeviceRegistry()
                .find(deviceId).map(Device::isOnline).orElse(false));
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("gb28181:catalog?deviceId=" + deviceId, (Object) null);
        Matcher channel = CHANNEL.matcher(code);
        while (channel.find()) {
            int before = frames.get();
            MediaSession session = template.requestBody("gb28181:play?channelId=" + channel.group(1)
                                                        + "&mediaPort=" + mediaPort, null, MediaSession.class);
            await().atMost(wait).until(() -> frames.get() > before);
            template.send("gb28181:bye", e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, session.sessionId()));
        }
    }

    private String find(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(code);
        if (!matcher.find()) {
            throw new IllegalStateException("The snippet names " + NAMED_ADDRESS + " but not " + what);
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        context.stop();
    }
}

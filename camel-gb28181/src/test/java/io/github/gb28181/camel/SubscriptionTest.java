package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=CATALOG,ALARM").to("mock:events");
            }
        };
    }

    /** The SUBSCRIBE the device got, and the subscription the route got back. */
    private record Subscribed(SipText subscribe, SubscriptionManager.Subscription subscription) {
    }

    /** Registers, subscribes to the catalog for 2 s, and the device grants it in a dialog with {@code toTag}. */
    private Subscribed subscribedToCatalog(String toTag) throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        CompletableFuture<Exchange> reply = template.asyncSend(
                "gb28181:subscribe?subscription=catalog&expires=2&deviceId=" + DEVICE, e -> { });
        SipText subscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        device.answer(subscribe, 200, "OK", toTag, "Expires: 2\r\n");
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        return new Subscribed(subscribe, done.getMessage().getBody(SubscriptionManager.Subscription.class));
    }

    @Test
    void catalogSubscriptionIsRefreshedInItsDialogThenCancelled() throws Exception {
        String toTag = SimulatedDevice.newId();
        Subscribed subscribed = subscribedToCatalog(toTag);
        SipText subscribe = subscribed.subscribe();
        assertThat(subscribe.header("Event")).isEqualTo("Catalog");
        assertThat(subscribe.header("Expires")).isEqualTo("2");
        assertThat(subscribe.header("Contact")).contains("34020000002000000001@");
        assertThat(new String(subscribe.body(), Charset.forName("GB2312"))).contains("<Query>")
                .contains("<CmdType>Catalog</CmdType>").contains("<DeviceID>" + DEVICE + "</DeviceID>");
        SubscriptionManager.Subscription subscription = subscribed.subscription();
        assertThat(subscription.expires()).isEqualTo(2);
        assertThat(subscription.id()).isEqualTo(subscribe.header("Call-ID"));

        // a change notified in the dialog becomes a CATALOG event and updates the registry
        SipText notifyOk = device.notifyInDialog(subscribe, toTag, "Catalog", "<?xml version=\"1.0\"?><Notify>"
                + "<CmdType>Catalog</CmdType><SN>5</SN><DeviceID>" + DEVICE + "</DeviceID><SumNum>1</SumNum>"
                + "<DeviceList Num=\"1\"><Item><DeviceID>34020000001310000007</DeviceID><Name>new cam</Name>"
                + "<Event>ADD</Event></Item></DeviceList></Notify>");
        assertThat(notifyOk.status()).isEqualTo(200);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        events.assertIsSatisfied();
        assertThat(events.getExchanges().get(0).getIn().getBody(CatalogNotify.class).getItems()).singleElement()
                .satisfies(item -> assertThat(item.getEvent()).isEqualTo("ADD"));
        assertThat(gb28181().getDeviceRegistry().owner("34020000001310000007")).isPresent();

        // refreshed before it lapses, inside the dialog
        SipText refresh = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        assertThat(refresh.header("Call-ID")).isEqualTo(subscribe.header("Call-ID"));
        assertThat(refresh.header("To")).contains("tag=" + toTag);
        assertThat(refresh.header("Expires")).isEqualTo("2");
        device.answer(refresh, 200, "OK", toTag, "Expires: 2\r\n");

        CompletableFuture<Exchange> cancel = template.asyncSend(
                "gb28181:unsubscribe?subscription=catalog&deviceId=" + DEVICE, e -> { });
        // a slow start of the unsubscribe producer (a cold JVM on a busy machine) may let the next refresh go out
        // first: a device answers it, or the platform retransmits it after the unsubscribe, as SIP says
        SipText unsubscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        while (!"0".equals(unsubscribe.header("Expires"))) {
            device.answer(unsubscribe, 200, "OK", toTag, "Expires: 2\r\n");
            unsubscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        }
        assertThat(unsubscribe.header("Call-ID")).isEqualTo(subscribe.header("Call-ID"));
        device.answer(unsubscribe, 200, "OK", toTag, "Expires: 0\r\n");
        assertThat(cancel.get(10, TimeUnit.SECONDS).getException()).isNull();
        // no more refreshes once cancelled
        assertThat(device.peer().poll(Duration.ofMillis(2500))).isNull();
    }

    /**
     * A refresh the device answers only after the route unsubscribed must not arm another: with a device that is
     * slow to confirm the unsubscribe, that refresh went out in the dialog after the Expires: 0.
     */
    @Test
    void aRefreshAnsweredAfterTheUnsubscribeDoesNotComeBack() throws Exception {
        String toTag = SimulatedDevice.newId();
        subscribedToCatalog(toTag);

        SipText refresh = device.peer().awaitRequest("SUBSCRIBE", WAIT); // held: not answered yet
        assertThat(refresh.header("Expires")).isEqualTo("2");
        CompletableFuture<Exchange> cancel = template.asyncSend(
                "gb28181:unsubscribe?subscription=catalog&deviceId=" + DEVICE, e -> { });
        SipText unsubscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        assertThat(unsubscribe.header("Expires")).isEqualTo("0");
        device.answer(refresh, 200, "OK", toTag, "Expires: 2\r\n"); // the late answer

        // the device takes its time with the unsubscribe: a refresh armed by the late answer would fire meanwhile
        long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < until) {
            SipText next = device.peer().poll(Duration.ofMillis(100));
            if (next != null && !next.isResponse()) {
                assertThat(next.header("Expires")).as("only the unsubscribe, retransmitted").isEqualTo("0");
            }
        }
        device.answer(unsubscribe, 200, "OK", toTag, "Expires: 0\r\n");
        assertThat(cancel.get(10, TimeUnit.SECONDS).getException()).isNull();
        SipText after = device.peer().poll(Duration.ofMillis(2000));
        assertThat(after == null || after.isResponse() || "0".equals(after.header("Expires")))
                .as("no refresh once cancelled: %s", after).isTrue();
    }

    @Test
    void refusedSubscriptionFailsWithTheDevicesStatus() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);

        CompletableFuture<Exchange> reply = template.asyncSend(
                "gb28181:subscribe?subscription=alarm&deviceId=" + DEVICE, e -> { });
        SipText subscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        assertThat(subscribe.header("Event")).isEqualTo("presence");
        assertThat(new String(subscribe.body(), Charset.forName("GB2312"))).contains("<CmdType>Alarm</CmdType>");
        device.answer(subscribe, 489, "Bad Event");

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(io.github.gb28181.camel.device.DeviceRejectedException.class)
                .hasMessageContaining("489");
    }
}

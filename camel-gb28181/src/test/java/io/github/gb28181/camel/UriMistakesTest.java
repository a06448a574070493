package io.github.gb28181.camel;

import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A typo in a command, an action or an enumerated option fails the route when the context starts, with the valid
 * choices in the message; nothing waits for the first exchange to find out. No SIP server or RTP port is opened.
 */
class UriMistakesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            to   | gb28181:nonsense | Unknown gb28181 command 'nonsense'; use one of events, catalog, deviceInfo, deviceStatus, recordInfo, presetQuery, configDownload, mobilePosition, alarmQuery, send, ptz, fi, preset, cruise, scan, aux, ptzCmd, record, guard, alarmReset, teleBoot, keyFrame, dragZoomIn, dragZoomOut, homePosition, deviceConfig, play, playback, download, pause, resume, speed, seek, bye, sessions, broadcast, audio, subscribe, unsubscribe
            to   | gb28181:ptz?action=sideways | Unknown ptz action 'sideways'; use one of up, down, left, right, upleft, upright, downleft, downright, zoomin, zoomout, stop
            to   | gb28181:fi?action=blur | Unknown fi action 'blur'; use one of focusnear, focusfar, irisopen, irisclose, stop
            to   | gb28181:preset?action=goto&index=1 | Unknown preset action 'goto'; use one of set, call, delete
            to   | gb28181:cruise?action=go&index=1 | Unknown cruise action 'go'; use one of add, delete, speed, dwell, start, stop
            to   | gb28181:scan?action=up&index=1 | Unknown scan action 'up'; use one of start, left, right, speed, stop
            to   | gb28181:aux?action=toggle&index=1 | Unknown aux action 'toggle'; use one of on, off
            to   | gb28181:record?action=begin | Unknown record action 'begin'; use one of start, stop
            to   | gb28181:guard?action=arm | Unknown guard action 'arm'; use one of set, reset
            to   | gb28181:play?mediaTransport=tcp-sideways&mediaPort=30000 | Unknown media transport 'tcp-sideways': use udp, tcp-passive or tcp-active
            to   | gb28181:recordInfo?recordType=everything | Unknown recordType 'everything'; use one of all, time, alarm, manual
            to   | gb28181:subscribe?subscription=weather | Unknown subscription 'weather'; use one of catalog, alarm, mobilePosition
            from | gb28181:events?types=REGISTER,WEATHER | Unknown gb28181 event type 'WEATHER'
            from | gb28181-rtp:127.0.0.1:0?mode=foo | Unknown mode 'foo'; use one of ps, es
            from | gb28181-rtp:127.0.0.1:0?transport=carrier-pigeon | Unknown transport carrier-pigeon: expected udp, tcp-passive or tcp-active
            """)
    void mistakeFailsTheRouteAtStartWithTheChoices(String side, String uri, String message) throws Exception {
        try (CamelContext context = context()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (side.equals("to")) {
                        from("direct:in").to(uri);
                    } else {
                        from(uri).to("mock:out");
                    }
                }
            });
            assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .message().startsWith(message);
            assertThat(context.getRoutes()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gb28181:ptz?action=UP_LEFT
            gb28181:PTZ?action=Zoom-In
            gb28181:DEVICE_INFO
            gb28181:deviceinfo
            gb28181:subscribe?subscription=mobile_position
            gb28181:play?mediaTransport=TCP-ACTIVE&mediaPort=30000
            """)
    void theSameNamesInAnotherSpellingAreAccepted(String uri) throws Exception {
        try (CamelContext context = context()) {
            context.setAutoStartup(false); // routes are built (endpoints checked) but no SIP server starts
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            context.start();
            assertThat(context.getRoutes()).hasSize(1);
        }
    }

    private static CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(FreePorts.udpAndTcp());
        context.addComponent("gb28181", component);
        return context;
    }
}

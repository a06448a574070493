package io.github.gb28181.camel;

import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
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
            to   | gb28181:nonsense | Unknown gb28181 command 'nonsense'; use one of events, catalog, deviceInfo, deviceStatus, recordInfo, presetQuery, configDownload, mobilePosition, alarmQuery, homePositionQuery, cruiseTrackList, cruiseTrack, ptzPosition, sdCardStatus, send, ptz, fi, preset, cruise, scan, aux, ptzCmd, record, guard, alarmReset, teleBoot, keyFrame, dragZoomIn, dragZoomOut, homePosition, deviceConfig, ptzPrecise, formatSdCard, targetTrack, deviceUpgrade, play, playback, download, pause, resume, speed, seek, bye, sessions, broadcast, audio, subscribe, unsubscribe
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
            to   | gb28181:subscribe?subscription=weather | Unknown subscription 'weather'; use one of catalog, alarm, mobilePosition, ptzPosition
            to   | gb28181:targetTrack?action=follow | Unknown targetTrack action 'follow'; use one of auto, manual, stop
            to   | gb28181:configDownload?configType=VideoParamAttribute/OSDConfg | Unknown configType 'OSDConfg'; use one of BasicParam, VideoParamOpt, SVACEncodeConfig, SVACDecodeConfig, VideoParamAttribute, VideoRecordPlan, VideoAlarmRecord, PictureMask, FrameMirror, AlarmReport, OSDConfig, SnapShotConfig, several joined by /
            to   | gb28181:play?mediaPort=30000&streamNumber=-1 | streamNumber must not be negative, was -1
            to   | gb28181:formatSdCard?index=-1 | index must not be negative, was -1
            to   | gb28181:download?downloadSpeed=-4&mediaPort=30000 | downloadSpeed must not be negative, was -4
            to   | gb28181:recordInfo?alarmMethod=video | alarmMethod is numbers joined by /, such as 1/5, not 'video'
            to   | gb28181:catalog?gbVersion=2.1 | Unknown gbVersion '2.1'; use 3.0 (GB/T 28181-2022) or 2.0 (GB/T 28181-2016)
            to   | gb28181:catalog?digestAlgorithm=SHA-256 | Unknown digestAlgorithm 'SHA-256'; use MD5 or SM3
            from | gb28181:events?types=REGISTER,WEATHER | Unknown gb28181 event type 'WEATHER'
            from | gb28181-rtp:127.0.0.1:0?mode=foo | Unknown mode 'foo'; use one of ps, es
            from | gb28181-rtp:127.0.0.1:0?transport=carrier-pigeon | Unknown transport carrier-pigeon: expected udp, tcp-passive or tcp-active
            """)
    void mistakeFailsTheRouteAtStartWithTheChoices(String side, String uri, String message) throws Exception {
        try (CamelContext context = Gb28181TestSupport.loopbackContext(FreePorts.udpAndTcp())) {
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
            gb28181:subscribe?subscription=PTZ_POSITION
            gb28181:configDownload?configType=videoparamattribute/OSDConfig/SnapShotConfig
            gb28181:targetTrack?action=Manual&panoramaChannelId=34020000001320000002
            gb28181:catalog?gbVersion=V2.0&digestAlgorithm=sm3
            """)
    void theSameNamesInAnotherSpellingAreAccepted(String uri) throws Exception {
        try (CamelContext context = Gb28181TestSupport.loopbackContext(FreePorts.udpAndTcp())) {
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
}

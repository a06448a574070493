package io.github.gb28181.camel.sdp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB/T 28181-2022 Annex G's SDP additions: {@code a=streamnumber:} picks the stream (0 main, 1 first sub-stream...),
 * {@code a=downloadspeed:} the download speed, {@code a=filesize:} the size of a download. Devices that omit them, or
 * that still speak a vendor's spelling of the stream number, are read without complaint.
 */
class SdpRevision2022Test {

    private static final String ANSWER_HEAD = "v=0\r\no=34020000001320000001 0 0 IN IP4 192.168.1.64\r\ns=Play\r\n"
            + "c=IN IP4 192.168.1.64\r\nt=0 0\r\nm=video 15060 RTP/AVP 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n";

    @Test
    void offerAsksForTheStreamOnlyWhenTold() {
        String sub = new SdpOffer("34020000002000000001", "34020000001320000001", SessionKind.LIVE, "192.168.1.10", 30000,
                MediaTransportMode.UDP, "0200000001", 0, 0, 0, 1).encode();
        assertThat(sub).contains("a=rtpmap:97 MPEG4/90000\r\na=streamnumber:1\r\ny=0200000001\r\n");

        SdpOffer revision2016 = new SdpOffer("34020000002000000001", "34020000001320000001", SessionKind.LIVE,
                "192.168.1.10", 30000, MediaTransportMode.UDP, "0200000001", 0, 0, 0);
        assertThat(revision2016.streamNumber()).isNegative();
        assertThat(revision2016.encode()).doesNotContain("streamnumber");

        String main = new SdpOffer("34020000002000000001", "34020000001320000001", SessionKind.DOWNLOAD, "192.168.1.10",
                30000, MediaTransportMode.TCP_ACTIVE, "1200000001", 1688169600L, 1688171400L, 4, 0).encode();
        assertThat(main).contains("a=setup:active\r\na=connection:new\r\na=downloadspeed:4\r\na=streamnumber:0\r\n");
    }

    @Test
    void aDeviceReadsTheStreamAndSpeedFromTheOffer() {
        String offer = new SdpOffer("34020000002000000001", "34020000001320000001", SessionKind.DOWNLOAD, "192.168.1.10",
                30000, MediaTransportMode.UDP, "1200000001", 1688169600L, 1688171400L, 8, 2).encode();
        SdpAnswer read = SdpAnswer.parse(offer);
        assertThat(read.streamNumber()).isEqualTo(2);
        assertThat(read.downloadSpeed()).isEqualTo(8);
        assertThat(read.sessionName()).isEqualTo("Download");
    }

    @Test
    void answerStreamNumberInEverySpelling() {
        assertThat(parse("a=streamnumber:1\r\n").streamNumber()).isEqualTo(1);
        // Hikvision's spelling, TP-LINK's (as wvp-GB28181-pro sends them), and a bare a=stream:
        assertThat(parse("a=streamprofile:1\r\n").streamNumber()).isEqualTo(1);
        assertThat(parse("a=streamMode:SUB\r\n").streamNumber()).isEqualTo(1);
        assertThat(parse("a=streamMode:main\r\n").streamNumber()).isZero();
        assertThat(parse("a=stream:2\r\n").streamNumber()).isEqualTo(2);
        // a device that sends both (seen in the field): the standard's wins, whatever the order
        assertThat(parse("a=streamprofile:0\r\na=streamnumber:1\r\n").streamNumber()).isEqualTo(1);
        assertThat(parse("a=streamnumber:1\r\na=streamprofile:0\r\n").streamNumber()).isEqualTo(1);
    }

    @Test
    void absentOrBrokenValuesReadAsUnknown() {
        SdpAnswer none = parse("");
        assertThat(none.streamNumber()).isEqualTo(-1);
        assertThat(none.downloadSpeed()).isEqualTo(-1);
        assertThat(none.fileSize()).isEqualTo(-1);
        for (String broken : new String[] { "a=streamnumber:\r\n", "a=streamnumber:-1\r\n", "a=streamnumber:x1\r\n",
                "a=streamnumber:99999999999\r\n", "a=streamnumber\r\n", "a=streamMode:third\r\n" }) {
            assertThat(parse(broken).streamNumber()).as(broken).isEqualTo(-1);
        }
        assertThat(parse("a=downloadspeed: 4 \r\n").downloadSpeed()).isEqualTo(4);
        assertThat(parse("a=downloadspeed:fast\r\n").downloadSpeed()).isEqualTo(-1);
    }

    @Test
    void fileSizeAboveFourGigabytes() {
        assertThat(parse("a=filesize:5368709120\r\n").fileSize()).isEqualTo(5_368_709_120L);
    }

    @Test
    void anotherStreamsAttributesAreNotOurs() {
        SdpAnswer answer = SdpAnswer.parse(ANSWER_HEAD + "a=streamnumber:1\r\nm=audio 15062 RTP/AVP 8\r\na=streamnumber:0\r\n"
                + "y=0200000001\r\n");
        assertThat(answer.media()).isEqualTo("video");
        assertThat(answer.streamNumber()).isEqualTo(1);
        // session-level attributes apply to the stream read
        SdpAnswer sessionLevel = SdpAnswer.parse("v=0\r\no=x 0 0 IN IP4 10.0.0.2\r\ns=Play\r\na=streamnumber:2\r\n"
                + "c=IN IP4 10.0.0.2\r\nt=0 0\r\nm=video 6000 RTP/AVP 96\r\n");
        assertThat(sessionLevel.streamNumber()).isEqualTo(2);
    }

    private static SdpAnswer parse(String attributes) {
        return SdpAnswer.parse(ANSWER_HEAD + attributes + "y=0200000001\r\nf=\r\n");
    }
}

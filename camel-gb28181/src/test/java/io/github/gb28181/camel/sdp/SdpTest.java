package io.github.gb28181.camel.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.gb28181.camel.test.SeedCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdpTest {

    private static String body(String message) {
        return message.substring(message.indexOf("\n\n") + 2);
    }

    @Test
    void seedAnswersAreRead() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");

        SdpAnswer live = SdpAnswer.parse(body(seed.text(seed.indexOf("SIP/2.0 200 OK", "s=Play", "sendonly"))));
        assertThat(live.mediaHost()).isEqualTo("192.168.6.71");
        assertThat(live.mediaPort()).isEqualTo(9712);
        assertThat(live.tcp()).isFalse();
        assertThat(live.payloadTypes()).containsExactly(96);
        assertThat(live.ssrc()).isEqualTo("0000001002");
        assertThat(live.format()).isEqualTo("v/0/0/0/0/0a/0/0/0");

        SdpAnswer playback = SdpAnswer.parse(body(seed.text(seed.indexOf("SIP/2.0 200 OK", "m=video 62000"))));
        assertThat(playback.sessionName()).isEqualTo("Network Video Recorder");
        assertThat(playback.mediaHost()).isEqualTo("192.168.6.60");
        assertThat(playback.ssrc()).isEqualTo("0000002000");
        assertThat(playback.fileSize()).isEqualTo(2124794308L);
    }

    @Test
    void answersDevicesSendAreReadLeniently() {
        SdpAnswer noSsrcNoRtpmapNoFinalBreak = SdpAnswer.parse(
                "v=0\no=dev 0 0 IN IP4 10.0.0.5\ns=Play\nt=0 0\nm=video 6000 TCP/RTP/AVP 96\na=setup:active");
        assertThat(noSsrcNoRtpmapNoFinalBreak.mediaHost()).isEqualTo("10.0.0.5");
        assertThat(noSsrcNoRtpmapNoFinalBreak.tcp()).isTrue();
        assertThat(noSsrcNoRtpmapNoFinalBreak.setup()).isEqualTo("active");
        assertThat(noSsrcNoRtpmapNoFinalBreak.ssrc()).isNull();

        assertThatThrownBy(() -> SdpAnswer.parse("v=0\r\ns=Play\r\n")).hasMessageContaining("m=video");
        assertThatThrownBy(() -> SdpAnswer.parse("")).hasMessageContaining("Empty");
    }

    /** Found by the fuzz suite: answers that parsed into a session nobody could connect to. */
    @Test
    void answersWithoutAUsableAddressOrPortAreRefused() {
        assertThatThrownBy(() -> SdpAnswer.parse("v=0\r\no=dev 0 0 IN IP4 10.0.0.5\r\ns=Play\r\nc=IN IP4 10.0.0.5\r\n"
                                                 + "m=video 602000 RTP/AVP 96\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port out of range");
        assertThatThrownBy(() -> SdpAnswer.parse("v=0\r\ns=Play\r\nc=\r\nm=video 6000 RTP/AVP 96\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no media address");
        assertThatThrownBy(() -> SdpAnswer.parse("v=0\r\ns=Play\r\nc=IN IP4 1)2.168.6.106\r\nm=video 6000 RTP/AVP 96\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no media address");
        // a broken c= falls back to the origin's address, as an absent one does
        assertThat(SdpAnswer.parse("v=0\r\no=dev 0 0 IN IP4 10.0.0.5\r\ns=Play\r\nc=IN IP4\r\nm=video 6000 RTP/AVP 96\r\n")
                .mediaHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void offersFollowTheSeedLayout() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        String seedPlayback = body(seed.text(seed.indexOf("INVITE sip:", "s=Playback")));

        String playback = new SdpOffer("34020000002000000010", "34020000001310000001", SessionKind.PLAYBACK,
                "192.168.6.106", 45056, MediaTransportMode.UDP, "0000002000", 1714804996L, 1714806986L, 0).encode();

        // the seed's u= parameter is 3; we send 0, as the standard's examples do
        assertThat(playback.replace("\r\n", "\n").strip())
                .isEqualTo(seedPlayback.replace("u=34020000001310000001:3", "u=34020000001310000001:0").strip());

        String live = new SdpOffer("34020000002000000010", "34020000001310000001", SessionKind.LIVE, "192.168.6.106",
                45056, MediaTransportMode.UDP, "0000001002", 0, 0, 0).encode();
        String seedLive = body(seed.text(seed.indexOf("INVITE sip:", "s=Play\n")));
        assertThat(live.replace("\r\n", "\n").strip()).isEqualTo(seedLive.strip());

        String download = new SdpOffer("34020000002000000010", "34020000001310000001", SessionKind.DOWNLOAD,
                "127.0.0.1", 30000, MediaTransportMode.TCP_PASSIVE, "1000003000", 1, 2, 4).encode();
        assertThat(download).contains("s=Download\r\n", "m=video 30000 TCP/RTP/AVP 96 98 97\r\n", "a=setup:passive\r\n",
                "a=connection:new\r\n", "a=downloadspeed:4\r\n", "y=1000003000\r\n").endsWith("f=\r\n");
    }

    @Test
    void senderAnswersEchoTheOfferAndSayWhereOurMediaComesFrom() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        SdpAnswer offer = SdpAnswer.parse(body(seed.text(seed.indexOf("INVITE sip:", "s=Playback"))));
        assertThat(offer.uri()).isEqualTo("34020000001310000001:3");
        assertThat(offer.startTime()).isEqualTo(1714804996L);
        assertThat(offer.endTime()).isEqualTo(1714806986L);

        String answer = SenderSdp.programStream("34020000001310000001", "192.168.6.71", 9712,
                SenderSdp.answering(offer), offer, offer.ssrc()).encode();

        // the seed device's own answer, less its i= line and private attributes
        assertThat(answer).isEqualTo("""
                v=0\r
                o=34020000001310000001 0 0 IN IP4 192.168.6.71\r
                s=Playback\r
                u=34020000001310000001:3\r
                c=IN IP4 192.168.6.71\r
                t=1714804996 1714806986\r
                m=video 9712 RTP/AVP 96\r
                a=sendonly\r
                a=rtpmap:96 PS/90000\r
                y=0000002000\r
                f=\r
                """);
        SdpAnswer back = SdpAnswer.parse(answer);
        assertThat(back.mediaPort()).isEqualTo(9712);
        assertThat(back.ssrc()).isEqualTo("0000002000");
        assertThat(back.payloadTypes()).containsExactly(96);
    }

    @Test
    void overTcpTheSenderTakesTheRoleOppositeTheOffers() {
        String tcpOffer = "v=0\r\no=x 0 0 IN IP4 10.0.0.1\r\ns=Play\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                          + "m=video 30000 TCP/RTP/AVP 96\r\na=recvonly\r\na=setup:%s\r\ny=0100000001\r\n";
        SdpAnswer passiveUpper = SdpAnswer.parse(tcpOffer.formatted("passive"));
        SdpAnswer activeUpper = SdpAnswer.parse(tcpOffer.formatted("active"));
        SdpAnswer udpUpper = SdpAnswer.parse(tcpOffer.replace("TCP/RTP/AVP", "RTP/AVP").formatted("x"));

        assertThat(SenderSdp.answering(passiveUpper)).isEqualTo(MediaTransportMode.TCP_ACTIVE);
        assertThat(SenderSdp.answering(activeUpper)).isEqualTo(MediaTransportMode.TCP_PASSIVE);
        assertThat(SenderSdp.answering(udpUpper)).isEqualTo(MediaTransportMode.UDP);
        assertThat(SenderSdp.programStream("34020000001310000001", "10.0.0.2", 40000, MediaTransportMode.TCP_ACTIVE,
                passiveUpper, "0100000001").encode()).contains("m=video 40000 TCP/RTP/AVP 96\r\n",
                        "a=sendonly\r\n", "a=setup:active\r\na=connection:new\r\n", "y=0100000001\r\n");
        assertThat(SenderSdp.programStream("34020000001310000001", "10.0.0.2", 40000, MediaTransportMode.TCP_PASSIVE,
                activeUpper, "0100000001").encode()).contains("a=setup:passive\r\n");
        assertThat(SdpWriter.session("1", "::1", "Play").connection("::1").toString())
                .contains("o=1 0 0 IN IP6 ::1\r\n", "c=IN IP6 ::1\r\n");
    }

    @Test
    void infoBodiesMatchTheSeedByteForByte() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        String pause = body(seed.text(seed.indexOf("INFO sip:", "PAUSE RTSP/1.0")));
        String resume = body(seed.text(seed.indexOf("INFO sip:", "Range: npt=0-")));
        String seek = body(seed.text(seed.indexOf("INFO sip:", "Range: npt=11-")));

        // the capture shows the bodies with LF; on the wire they are CRLF, as their Content-Length (40, 57, 58) says
        assertThat(MansRtsp.pause(20)).isEqualTo(pause.strip().replace("\n", "\r\n") + "\r\n").hasSize(40);
        assertThat(MansRtsp.resume(21, 1.0)).isEqualTo(resume.strip().replace("\n", "\r\n") + "\r\n").hasSize(57);
        assertThat(MansRtsp.seek(22, 2.0, 11)).isEqualTo(seek.strip().replace("\n", "\r\n") + "\r\n").hasSize(58);
        assertThat(MansRtsp.speed(23, -2.0)).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 23\r\nScale: -2.000000\r\n");
    }

    @Test
    void ssrcsFollowTheGbLayoutAndAreNeverShared() {
        SsrcAllocator allocator = new SsrcAllocator("3402000000");
        String live = allocator.allocate(SessionKind.LIVE);
        String history = allocator.allocate(SessionKind.PLAYBACK);
        assertThat(live).hasSize(10).startsWith("0" + "20000");
        assertThat(history).hasSize(10).startsWith("1" + "20000");

        Set<String> seen = new HashSet<>(List.of(live));
        for (int i = 0; i < 9_998; i++) {
            assertThat(seen.add(allocator.allocate(SessionKind.LIVE))).isTrue();
        }
        assertThatThrownBy(() -> allocator.allocate(SessionKind.LIVE)).isInstanceOf(IllegalStateException.class);
        allocator.release(live);
        assertThat(allocator.allocate(SessionKind.LIVE)).isEqualTo(live);
    }
}

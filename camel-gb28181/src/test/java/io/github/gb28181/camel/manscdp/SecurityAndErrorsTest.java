package io.github.gb28181.camel.manscdp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.gb28181.camel.manscdp.ManscdpException.Reason;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecurityAndErrorsTest {

    private final ManscdpCodec codec = StandardTypes.codec();

    private ManscdpMessage decode(String xml) {
        return codec.decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void externalEntityIsRefusedNotResolved() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Notify [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Status>&xxe;</Status></Notify>";
        assertThatThrownBy(() -> decode(xxe)).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("DTD")
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.DTD_FORBIDDEN);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + "<Notify><CmdType>Keepalive</CmdType><Status>&lol9;</Status></Notify>";
        assertThatThrownBy(() -> decode(bomb)).isInstanceOf(ManscdpException.class)
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.DTD_FORBIDDEN);
    }

    @Test
    void doctypeInAnyCaseOrPlaceIsRefused() {
        assertThatThrownBy(() -> decode("<!doctype Notify SYSTEM \"http://evil/x.dtd\"><Notify/>"))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("DTD");
        assertThatThrownBy(() -> decode("<Notify><CmdType>Keepalive</CmdType><!DOCTYPE x></Notify>"))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("DTD");
    }

    @Test
    void undeclaredEntityIsPlainText() {
        KeepaliveNotify k = (KeepaliveNotify) decode("<Notify><CmdType>Keepalive</CmdType><Status>&xxe;</Status></Notify>");
        assertThat(k.getStatus()).isEqualTo("&xxe;");
    }

    @Test
    void sizeCap() {
        ManscdpCodec small = StandardTypes.builder().maxBodyBytes(64).build();
        byte[] body = ("<Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>34020000001320000002</DeviceID></Notify>")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> small.decode(body)).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("exceeds the limit of 64 bytes")
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(codec.getMaxBodyBytes()).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> codec.decode(new byte[1024 * 1024 + 1])).isInstanceOf(ManscdpException.class)
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.TOO_LARGE);
        assertThatThrownBy(() -> StandardTypes.builder().maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyOrNotXml() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(ManscdpException.class)
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.EMPTY);
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> decode("   \0\0 ")).isInstanceOf(ManscdpException.class).hasMessageContaining("no XML element");
        assertThatThrownBy(() -> decode("Keepalive OK")).isInstanceOf(ManscdpException.class);
    }

    @Test
    void truncatedDocumentIsMalformedWithAClearMessage() {
        assertThatThrownBy(() -> decode("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN>"))
                .isInstanceOf(ManscdpException.class)
                .hasMessageStartingWith("MANSCDP body is not XML and could not be repaired")
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void excessiveNestingIsRefused() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        assertThatThrownBy(() -> decode(deep)).isInstanceOf(ManscdpException.class).hasMessageContaining("nests deeper");
    }

    /**
     * Found by the fuzz suite: repair searched every open tag for each stray end tag, so 60,000 of each took minutes.
     * The limit only tells a hang from an answer; the linear repair takes well under a second.
     */
    @Test
    void strayEndTagsUnderThousandsOfOpenOnesAreRepairedWithoutHanging() {
        String stray = "<Notify><CmdType>Keepalive</CmdType><Status>" + "<a>".repeat(60_000) + "</b>".repeat(60_000)
                       + "</Status></Notify>";
        ManscdpMessage m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> decode(stray));
        assertThat(m).isInstanceOf(KeepaliveNotify.class);
        assertThat(((KeepaliveNotify) m).getStatus()).startsWith("<a><a>");

        // end tags that match only ignoring case: balanced into 50,000 levels, which the depth limit then refuses
        String otherCase = "<Notify>" + "<Ab>".repeat(50_000) + "</aB>".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> decode(otherCase))
                .isInstanceOf(ManscdpException.class)
                .extracting(e -> ((ManscdpException) e).getReason()).isEqualTo(Reason.MALFORMED));
    }

    /** Found by the fuzz suite: text cut by a million comments was joined piece by piece, quadratic in the pieces. */
    @Test
    void textCutByCommentsIsJoinedWithoutHanging() {
        ManscdpCodec large = StandardTypes.builder().maxBodyBytes(16 * 1024 * 1024).build();
        byte[] body = ("<Notify><CmdType>Keepalive</CmdType><Status>" + "x<!---->".repeat(1_000_000) + "</Status></Notify>")
                .getBytes(StandardCharsets.US_ASCII);
        KeepaliveNotify k = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> large.decode(body, KeepaliveNotify.class));
        assertThat(k.getStatus()).hasSize(1_000_000).matches("x+");
    }

    @Test
    void typedDecodeOfTheWrongTypeSaysWhatItGot() {
        assertThatThrownBy(() -> codec.decode("<Query><CmdType>Catalog</CmdType></Query>".getBytes(StandardCharsets.UTF_8),
                KeepaliveNotify.class))
                .isInstanceOf(ManscdpException.class).hasMessage("expected KeepaliveNotify but body is QUERY Catalog");
    }
}

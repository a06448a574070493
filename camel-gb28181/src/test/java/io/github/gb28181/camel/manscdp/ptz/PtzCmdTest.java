package io.github.gb28181.camel.manscdp.ptz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Family;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Focus;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Iris;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Pan;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Tilt;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd.Zoom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PtzCmdTest {

    /** The three vectors the seed capture sent to a real Dahua dome. */
    @Test
    void seedVectors() {
        assertThat(PtzCmd.up(100).toHex()).isEqualTo("A50F000800640020");
        assertThat(PtzCmd.stop().toHex()).isEqualTo("A50F0000000000B4");
        // the capture's platform put its focus speed in data 2, the standard's iris-speed slot
        assertThat(PtzCmd.fi(Focus.FAR, Iris.NONE, 0, 100).toHex()).isEqualTo("A50F004100640059");
    }

    @Test
    void seedVectorsDecode() {
        PtzCmd up = PtzCmd.parse("A50F000800640020");
        assertThat(up.family()).isEqualTo(Family.PTZ);
        assertThat(up.tilt()).isEqualTo(Tilt.UP);
        assertThat(up.pan()).isEqualTo(Pan.NONE);
        assertThat(up.zoom()).isEqualTo(Zoom.NONE);
        assertThat(up.data2()).isEqualTo(100);
        assertThat(up.address()).isZero();

        PtzCmd stop = PtzCmd.parse("A50F0000000000B4");
        assertThat(stop.isStop()).isTrue();
        assertThat(stop).isEqualTo(PtzCmd.stop());

        PtzCmd far = PtzCmd.parse("A50F004100640059");
        assertThat(far.family()).isEqualTo(Family.FI);
        assertThat(far.focus()).isEqualTo(Focus.FAR);
        assertThat(far.iris()).isEqualTo(Iris.NONE);
        assertThat(far.data1()).isZero();
        assertThat(far.data2()).isEqualTo(100);
    }

    /** Checksums computed independently (sum of bytes 0..6 mod 256), e.g. presetSet(1): A5+0F+81+01 = 0x136. */
    @Test
    void handCheckedVectors() {
        Map<PtzCmd, String> vectors = Map.ofEntries(
                Map.entry(PtzCmd.down(100), "A50F00040064001C"),
                Map.entry(PtzCmd.left(50), "A50F0002320000E8"),
                Map.entry(PtzCmd.right(255), "A50F0001FF0000B4"),
                Map.entry(PtzCmd.upLeft(16, 32), "A50F000A102000EE"),
                Map.entry(PtzCmd.upRight(16, 32), "A50F0009102000ED"),
                Map.entry(PtzCmd.downLeft(16, 32), "A50F0006102000EA"),
                Map.entry(PtzCmd.downRight(16, 32), "A50F0005102000E9"),
                Map.entry(PtzCmd.zoomIn(15), "A50F00100000F0B4"),
                Map.entry(PtzCmd.zoomOut(1), "A50F0020000010E4"),
                Map.entry(PtzCmd.focusNear(128), "A50F004280000076"),
                Map.entry(PtzCmd.irisOpen(200), "A50F004400C800C0"),
                Map.entry(PtzCmd.irisClose(5), "A50F004800050001"),
                Map.entry(PtzCmd.presetSet(1), "A50F008100010036"),
                Map.entry(PtzCmd.presetCall(255), "A50F008200FF0035"),
                Map.entry(PtzCmd.presetDelete(3), "A50F00830003003A"),
                Map.entry(PtzCmd.cruiseAddPoint(1, 2), "A50F00840102003B"),
                Map.entry(PtzCmd.cruiseDeletePoint(1, 0), "A50F00850100003A"),
                Map.entry(PtzCmd.cruiseSpeed(1, 0x123), "A50F00860123106E"),
                Map.entry(PtzCmd.cruiseDwell(2, 4095), "A50F008702FFF02C"),
                Map.entry(PtzCmd.cruiseStart(1), "A50F00880100003D"),
                Map.entry(PtzCmd.scanStart(1), "A50F00890100003E"),
                Map.entry(PtzCmd.scanLeftBound(1), "A50F00890101003F"),
                Map.entry(PtzCmd.scanRightBound(1), "A50F008901020040"),
                Map.entry(PtzCmd.scanSpeed(1, 300), "A50F008A012C107B"),
                Map.entry(PtzCmd.auxOn(1), "A50F008C01000041"),
                Map.entry(PtzCmd.auxOff(2), "A50F008D02000043"),
                Map.entry(PtzCmd.up(100).withAddress(0xABC), "A50FBC0800640AE6"));
        vectors.forEach((cmd, hex) -> {
            assertThat(cmd.toHex()).as(hex).isEqualTo(hex);
            assertThat(PtzCmd.parse(hex)).isEqualTo(cmd);
        });
    }

    @Test
    void standardFocusSpeedGoesInDataOne() {
        PtzCmd far = PtzCmd.focusFar(100);
        assertThat(far.toHex()).isEqualTo("A50F004164000059");
        assertThat(far.data1()).isEqualTo(100);
    }

    @Test
    void decodesFamiliesAndTwelveBitValues() {
        assertThat(PtzCmd.parse("A50F00860123106E").family()).isEqualTo(Family.CRUISE);
        assertThat(PtzCmd.parse("A50F00860123106E").value12()).isEqualTo(0x123);
        assertThat(PtzCmd.parse("A50F008A012C107B").value12()).isEqualTo(300);
        assertThat(PtzCmd.presetCall(7).family()).isEqualTo(Family.PRESET);
        assertThat(PtzCmd.scanStart(0).family()).isEqualTo(Family.SCAN);
        assertThat(PtzCmd.auxOff(0).family()).isEqualTo(Family.AUX);
        assertThat(PtzCmd.of(0, 0x8B, 0, 0, 0).family()).isEqualTo(Family.UNKNOWN);
        PtzCmd diag = PtzCmd.move(Pan.RIGHT, Tilt.DOWN, Zoom.OUT, 1, 2, 3);
        assertThat(diag.pan()).isEqualTo(Pan.RIGHT);
        assertThat(diag.tilt()).isEqualTo(Tilt.DOWN);
        assertThat(diag.zoom()).isEqualTo(Zoom.OUT);
        assertThat(diag.data3()).isEqualTo(3);
        assertThat(PtzCmd.up(1).withAddress(4095).address()).isEqualTo(4095);
        assertThat(PtzCmd.fi(Focus.NEAR, Iris.CLOSE, 1, 2).iris()).isEqualTo(Iris.CLOSE);
    }

    @Test
    void parseIsLenientAboutCaseAndWhitespaceOnly() {
        assertThat(PtzCmd.parse(" a50f000800640020\n").toHex()).isEqualTo("A50F000800640020");
    }

    @Test
    void parseRejectsWhatIsNotAValidCommand() {
        assertThatThrownBy(() -> PtzCmd.parse("A50F000800640021")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum must be 20 but was 21");
        assertThatThrownBy(() -> PtzCmd.parse("A60F000800640021")).hasMessageContaining("byte 0 must be A5");
        assertThatThrownBy(() -> PtzCmd.parse("A50E00080064001F")).hasMessageContaining("check nibble");
        assertThatThrownBy(() -> PtzCmd.parse("A50F0008006400")).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> PtzCmd.parse("A50F00080064002G")).hasMessageContaining("non-hex");
        assertThatThrownBy(() -> PtzCmd.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtzCmd.fromBytes(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildersRejectOutOfRangeValues() {
        assertThatThrownBy(() -> PtzCmd.up(256)).hasMessageContaining("data2 must be 0..255 but was 256");
        assertThatThrownBy(() -> PtzCmd.zoomIn(16)).hasMessageContaining("data3 must be 0..15");
        assertThatThrownBy(() -> PtzCmd.left(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtzCmd.cruiseSpeed(1, 4096)).hasMessageContaining("speed");
        assertThatThrownBy(() -> PtzCmd.stop().withAddress(4096)).hasMessageContaining("address");
    }

    @Test
    void bytesAreDefensivelyCopied() {
        PtzCmd cmd = PtzCmd.up(1);
        byte[] b = cmd.toBytes();
        b[5] = 0;
        assertThat(cmd.data2()).isEqualTo(1);
        assertThat(PtzCmd.fromBytes(cmd.toBytes())).isEqualTo(cmd);
    }
}

package io.github.gb28181.camel.media.es;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.StartCodeList;
import io.github.gb28181.camel.media.codec.StartCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start codes the demuxer hands on must cut the same access units as a search of the bytes: payloads are cut at
 * random, so start codes straddle payloads and end them, and gaps fall anywhere. Each unit carries on where its NAL
 * unit headers are.
 */
class AccessUnitAssemblerTest {

    @ParameterizedTest
    @CsvSource({Samples.H264_AUD + ",H264", Samples.H265_AUD + ",H265"})
    void cutTheSameUnitsWithTheDemuxersStartCodesAsWithItsOwnSearch(String sample, MediaCodec codec) {
        byte[] stream = Samples.bytes(sample);
        Random random = new Random(28181);
        for (int round = 0; round < 20; round++) {
            List<String> searched = new ArrayList<>();
            List<String> handedOn = new ArrayList<>();
            AccessUnitAssembler bySearch = new AccessUnitAssembler(codec, 1 << 20, recorder(searched));
            AccessUnitAssembler byList = new AccessUnitAssembler(codec, 1 << 20, recorder(handedOn));
            int maxCut = round < 10 ? 8 : 2000;
            for (int at = 0; at < stream.length;) {
                int length = Math.min(stream.length - at, 1 + random.nextInt(maxCut));
                // the payload sits inside a bigger array, after a PES header, as it does in the demuxer's buffer
                byte[] pes = new byte[length + 20];
                System.arraycopy(stream, at, pes, 14, length);
                StartCodeList startCodes = new StartCodeList();
                assertThat(StartCodes.indexOfSystemStartCode(pes, 14, 14 + length, startCodes)).isEqualTo(-1);
                if (random.nextInt(50) == 0) {
                    bySearch.discontinuity();
                    byList.discontinuity();
                }
                bySearch.append(pes, 14, length, null, at, -1, at);
                byList.append(pes, 14, length, startCodes, at, -1, at);
                at += length;
            }
            bySearch.flush();
            byList.flush();
            assertThat(handedOn).as("round %d", round).isEqualTo(searched).hasSizeGreaterThan(10);
        }
    }

    /** Records each unit, and checks that an undamaged one comes with the NAL unit headers a search finds in it. */
    private static AccessUnitAssembler.Output recorder(List<String> units) {
        return (data, pts, dts, rtpTimestamp, keyFrame, damaged, nalUnits) -> {
            if (!damaged) {
                assertThat(nalUnits).as("NAL unit headers handed on").isEqualTo(CameraPsMuxer.nalHeaders(data));
            }
            units.add(Arrays.hashCode(data) + "/" + data.length + " pts " + pts + " key " + keyFrame + " damaged "
                      + damaged);
        };
    }
}

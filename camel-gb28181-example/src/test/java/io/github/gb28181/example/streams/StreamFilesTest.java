package io.github.gb28181.example.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream-file writer on its own: file names per mode, what is written and what is not.
 */
class StreamFilesTest {

    @TempDir
    Path dir;

    @Test
    void esModeNamesTheFileByCodecAndLeavesAudioOut() throws Exception {
        StreamFiles files = new StreamFiles(dir, true, Clock.systemUTC());
        files.write(new byte[] { 1, 2 }, "call-1", "0200000001", "dev", "ch", "G711A", "AUDIO", 0L);
        files.write(new byte[] { 0, 0, 0, 1, 0x40 }, "call-1", "0200000001", "dev", "ch", "H265", "VIDEO", 0L);
        files.write(new byte[] { 0, 0, 0, 1, 0x26 }, "call-1", "0200000001", "dev", "ch", "H265", "VIDEO", 2L);

        StreamView view = files.find("call-1").orElseThrow().view();
        assertThat(view.file()).endsWith(view.streamId() + ".h265");
        assertThat(view.frames()).isEqualTo(2);
        assertThat(view.bytes()).isEqualTo(10);
        assertThat(view.lostPackets()).isEqualTo(2);
        assertThat(view.codec()).isEqualTo("H265");
        assertThat(Files.readAllBytes(Path.of(view.file()))).containsExactly(0, 0, 0, 1, 0x40, 0, 0, 0, 1, 0x26);
    }

    @Test
    void framesOfNoSessionAndLateFramesOfAnEndedOneAreNotWritten() throws Exception {
        StreamFiles files = new StreamFiles(dir, false, Clock.systemUTC());
        files.write(new byte[] { 9 }, null, "0200000009", null, null, "H264", "VIDEO", 0L);
        assertThat(files.streams()).isEmpty();

        files.write(new byte[] { 1 }, "call-2", "0200000002", "dev", "ch", "H264", "VIDEO", 0L);
        StreamRecording recording = files.find("call-2").orElseThrow();
        assertThat(files.find(recording.streamId())).contains(recording);
        assertThat(recording.view().file()).endsWith(recording.streamId() + ".ps");
        files.close(recording.streamId());
        files.write(new byte[] { 2 }, "call-2", "0200000002", "dev", "ch", "H264", "VIDEO", 0L);

        assertThat(files.streams()).isEmpty();
        assertThat(recording.view().state()).isEqualTo("ENDED");
        assertThat(Files.readAllBytes(Path.of(recording.view().file()))).containsExactly(1);
    }
}

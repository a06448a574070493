package io.github.gb28181.camel.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Counts frames with ffprobe: the independent judge of what the receiver wrote. CI installs it (Debian package
 * ffmpeg); a machine without it fails these tests rather than skipping them.
 */
public final class Ffprobe {

    private Ffprobe() {
    }

    /** Decodes the first video stream and returns the frames read. */
    public static int videoFrames(Path file, String format) {
        return count(file, format, "v:0", "stream=nb_read_frames");
    }

    /** Key frames in the first video stream. */
    public static int keyFrames(Path file, String format) {
        String out = run(file, format, "v:0", "frame=key_frame");
        return (int) out.lines().filter(l -> l.startsWith("1")).count(); // side data may follow the flag
    }

    /**
     * Video frames decoded from a file that may end in the middle of its last packet: ffprobe complains about the
     * missing bytes and goes on, so its exit status and messages are not held against the file.
     */
    public static int decodedVideoFrames(Path file) {
        ProcessBuilder pb = new ProcessBuilder("ffprobe", "-v", "quiet", "-select_streams", "v:0", "-show_entries",
                "frame=key_frame", "-of", "csv=p=0", file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ffprobe did not finish on " + file);
            }
            return (int) out.lines().filter(l -> l.startsWith("0") || l.startsWith("1")).count();
        } catch (IOException e) {
            throw new AssertionError("ffprobe is needed for this test: install the Debian package ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static int audioFrames(Path file, String format) {
        return count(file, format, "a:0", "stream=nb_read_frames");
    }

    private static int count(Path file, String format, String stream, String entries) {
        String out = run(file, format, stream, entries).trim();
        try {
            return Integer.parseInt(out);
        } catch (NumberFormatException e) {
            throw new AssertionError("ffprobe said: " + out);
        }
    }

    private static String run(Path file, String format, String stream, String entries) {
        ProcessBuilder pb = new ProcessBuilder("ffprobe", "-v", "error", "-f", format, "-count_frames",
                "-select_streams", stream, "-show_entries", entries, "-of", "csv=p=0", file.toString());
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ffprobe failed on " + file + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("ffprobe is needed for this test: install the Debian package ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

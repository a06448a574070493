package io.github.gb28181.camel.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sipp scenario from src/test/sipp as an independent SIP peer. sipp is a test requirement (Debian package
 * sip-tester, installed by .ci/run): a missing sipp fails the test rather than skipping it.
 */
public final class Sipp {

    private static final Path SCENARIOS = Paths.get("src/test/sipp");

    /** What sipp did: its exit code (0 = every call passed) and what it printed. */
    public record Result(int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    private Sipp() {
    }

    public static Result run(String scenario, int serverPort, String transport, List<String> args) throws Exception {
        Path work = Files.createTempDirectory("sipp");
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort,
                "-sf", SCENARIOS.resolve(scenario).toAbsolutePath().toString(),
                "-t", "TCP".equalsIgnoreCase(transport) ? "t1" : "u1",
                "-i", "127.0.0.1", "-p", Integer.toString(FreePorts.udpAndTcp()),
                "-m", "1", "-timeout", "20s", "-timeout_error", "-nostdin",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", work.resolve("screen.log").toString()));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("sipp is required for this test: apt-get install sip-tester", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sipp did not finish within 60 s");
        }
        StringBuilder output = new StringBuilder();
        for (String log : List.of("stdout.log", "errors.log", "screen.log")) {
            Path file = work.resolve(log);
            if (Files.exists(file)) {
                output.append("---- ").append(log).append('\n').append(Files.readString(file));
            }
        }
        return new Result(process.exitValue(), output.toString());
    }

    /** The keywords our scenarios use, for a device registering to a platform. */
    public static List<String> deviceArgs(String deviceId, String serverId, String username, String password) {
        return List.of("-key", "device_id", deviceId, "-key", "server_id", serverId, "-key", "domain",
                deviceId.substring(0, 10), "-au", username, "-ap", password);
    }
}

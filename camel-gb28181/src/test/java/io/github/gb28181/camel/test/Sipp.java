package io.github.gb28181.camel.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

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

    /** A sipp process under way. */
    public static final class Running {
        private final Process process;
        private final Path work;

        private Running(Process process, Path work) {
            this.process = process;
            this.work = work;
        }

        public Result await() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sipp did not finish within 60 s");
            }
            return result();
        }

        /** Ends a scenario that serves calls until stopped (an upper platform), and returns what it did. */
        public Result stop() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return result();
        }

        /**
         * The messages sipp sent and received so far, as the scenario's {@code -trace_msg} wrote them: each one
         * preceded by a line of dashes and a line saying whether it was sent or received.
         */
        public List<String> messages() throws java.io.IOException {
            Path file = work.resolve("messages.log");
            if (!Files.exists(file)) {
                return List.of();
            }
            List<String> messages = new ArrayList<>();
            for (String chunk : Files.readString(file).split("(?m)^-{20,}.*$")) {
                if (!chunk.isBlank()) {
                    messages.add(chunk.strip());
                }
            }
            return messages;
        }

        private Result result() throws java.io.IOException {
            StringBuilder output = new StringBuilder();
            for (String log : List.of("stdout.log", "errors.log", "screen.log")) {
                Path file = work.resolve(log);
                if (Files.exists(file)) {
                    output.append("---- ").append(log).append('\n').append(Files.readString(file));
                }
            }
            return new Result(process.isAlive() ? -1 : process.exitValue(), output.toString());
        }
    }

    private Sipp() {
    }

    /** Runs a client scenario against the platform from a free local port, and waits for it. */
    public static Result run(String scenario, int serverPort, String transport, List<String> args) throws Exception {
        return start(scenario, serverPort, transport, FreePorts.udpAndTcp(), args).await();
    }

    /**
     * Starts a scenario on {@code localPort}: a client one when {@code serverPort} is given, a server (UAS) one
     * otherwise, in which case this returns once sipp listens.
     */
    public static Running start(String scenario, Integer serverPort, String transport, int localPort, List<String> args)
            throws Exception {
        Path work = Files.createTempDirectory("sipp");
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (serverPort != null) {
            command.add("127.0.0.1:" + serverPort);
        }
        command.addAll(List.of("-sf", SCENARIOS.resolve(scenario).toAbsolutePath().toString(),
                "-t", "TCP".equalsIgnoreCase(transport) ? "t1" : "u1",
                "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-m", "1", "-timeout", "20s", "-timeout_error", "-nostdin",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", work.resolve("screen.log").toString(),
                "-message_file", work.resolve("messages.log").toString()));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("sipp is required for this test: apt-get install sip-tester", e);
        }
        if (serverPort == null) {
            awaitListening(process, localPort);
        }
        return new Running(process, work);
    }

    /** sipp has bound the UDP port once we can no longer bind it ourselves. */
    private static void awaitListening(Process process, int port) {
        Awaitility.await("sipp listening on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !process.isAlive() || !FreePorts.udpFree(port));
        if (!process.isAlive()) {
            throw new AssertionError("sipp exited before listening on port " + port);
        }
    }

    /** The keywords our scenarios use, for a device registering to a platform. */
    public static List<String> deviceArgs(String deviceId, String serverId, String username, String password) {
        return List.of("-key", "device_id", deviceId, "-key", "server_id", serverId, "-key", "domain",
                deviceId.substring(0, 10), "-au", username, "-ap", password);
    }
}

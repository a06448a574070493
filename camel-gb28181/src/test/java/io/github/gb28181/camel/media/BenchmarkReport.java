package io.github.gb28181.camel.media;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the benchmarks print: the machine and date first, then one line per figure, {@code name: value unit (target:
 * ...) PASS/FAIL} for the figures the hardening issue sets a target for, {@code name: value unit} for the others.
 * Everything printed is also kept, to be written to a file at the end.
 */
public final class BenchmarkReport {

    private final StringBuilder text = new StringBuilder();
    private final List<String> failed = new ArrayList<>();
    private int targets;

    /** The machine, the JVM and how busy the machine was when the run started. */
    public void header(String title) {
        line("# " + title);
        line("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
             + gib(totalMemory()) + " GiB memory, " + System.getProperty("os.name") + " "
             + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        line("load average at start: " + loadAverage());
        line("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
             + ", max heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024)
             + " MiB, GC " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                     .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")) + ", options: "
             + (ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty() ? "none"
                     : String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
    }

    public void section(String title) {
        line("");
        line("## " + title);
    }

    /** A figure the issue sets no target for. */
    public void info(String name, String value) {
        line(name + ": " + value);
    }

    /** A figure with its target. */
    public void figure(String name, String value, String target, boolean pass) {
        targets++;
        if (!pass) {
            failed.add(name);
        }
        line(name + ": " + value + " (target: " + target + ") " + (pass ? "PASS" : "FAIL"));
    }

    public void note(String text) {
        line("  " + text);
    }

    public void line(String s) {
        System.out.println(s);
        text.append(s).append('\n');
    }

    /** The closing lines: the load average again and which targets failed. */
    public void summary() {
        line("");
        line("load average at end: " + loadAverage());
        line(failed.isEmpty() ? "targets: " + targets + " of " + targets + " PASS"
                : "targets: " + (targets - failed.size()) + " of " + targets + " PASS; FAIL: " + String.join("; ",
                        failed));
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println("(written to " + file + ")");
        } catch (IOException e) {
            System.out.println("(could not write " + file + ": " + e + ")");
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}

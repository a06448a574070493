package io.github.gb28181.camel.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.sip.transport.SipServer;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.test.FreePorts;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Response;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIP load against the component in a real Camel context, over loopback UDP, printing each figure next to its
 * target. Run: {@code mvn -B -q -pl camel-gb28181 -Pbenchmark test -Dtest=SipLoadBenchmark}. Durations:
 * {@code -Dbenchmark.seconds=15} per throughput phase, {@code -Dbenchmark.devices=100000},
 * {@code -Dbenchmark.holdMinutes=10}. Not a test: it asserts nothing and CI does not run it.
 */
@Tag("benchmark")
class SipLoadBenchmark {

    private static final String PASSWORD = "bench-password";
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);
    private static final int DEVICES = Integer.getInteger("benchmark.devices", 100_000);
    private static final int HOLD_MINUTES = Integer.getInteger("benchmark.holdMinutes", 10);

    @Test
    void sipLoad() throws Exception {
        System.out.printf("SIP load benchmark, %s, %d cores, %d MiB max heap, Java %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        double[] baseline = bareStack();
        double bare = baseline[0];
        report("bare jain-sip MESSAGE->200 (baseline)", bare, "tx/s", "~21,000-23,000 on 2 cores", true);
        System.out.printf("  bare stack p99 at 10,000 tx/s: %.2f ms%n", baseline[1] / 1e6);

        int port = FreePorts.udpAndTcp();
        AtomicLong keepalives = new AtomicLong();
        AtomicLong offline = new AtomicLong();
        CamelContext context = platform(port, keepalives, offline);
        context.start();
        try (LoadClient client = new LoadClient(port, PASSWORD, 4, 512)) {
            String[] devices = ids(1_000);
            registerAll(client, devices);
            keepalives.set(0);
            double tps = saturate(client, devices, SECONDS);
            long routed = keepalives.get();
            report("component keepalive MESSAGE->route", tps, "tx/s", ">= 17,000 (80% of bare)", tps >= 17_000);
            System.out.printf("  ratio to bare stack: %.0f%%; failed %d %s, retransmitted %d, timed out %d, route received"
                              + " %d of %d OK%n", 100 * tps / bare, client.failed.get(), client.statuses,
                    client.retransmitted.get(), client.timedOut.get(), routed, client.ok.get());

            long[] latencies = paced(client, devices, 10_000, SECONDS);
            report("p99 latency at 10,000 tx/s", latencies[1] / 1e6, "ms", "< 20 ms", latencies[1] < 20_000_000);
            System.out.printf("  p50 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", latencies[0] / 1e6, latencies[2] / 1e6,
                    latencies[3] / 1e6);
        } finally {
            context.stop();
        }

        port = FreePorts.udpAndTcp();
        keepalives.set(0);
        offline.set(0);
        context = platform(port, keepalives, offline);
        context.start();
        try (LoadClient client = new LoadClient(port, PASSWORD, 8, 2_000)) {
            String[] devices = ids(DEVICES);
            long start = System.nanoTime();
            registerAll(client, devices);
            double seconds = (System.nanoTime() - start) / 1e9;
            report(DEVICES + " digest registrations", seconds, "s", "< 60 s", seconds < 60);
            System.out.printf("  %.0f registrations/s, failed %d, retransmitted %d, timed out %d%n", DEVICES / seconds,
                    client.failed.get(), client.retransmitted.get(), client.timedOut.get());

            long maxUsed = hold(client, devices, HOLD_MINUTES);
            long usedAfterGc = usedHeapAfterGc();
            report("false OFFLINE events while held " + HOLD_MINUTES + " min", offline.get(), "", "0",
                    offline.get() == 0);
            report("heap used after GC holding " + DEVICES + " devices", usedAfterGc >> 20, "MiB", "< 1024 MiB",
                    usedAfterGc < 1024L << 20);
            System.out.printf("  highest heap seen while holding: %d MiB; keepalives failed %d, timed out %d%n",
                    maxUsed >> 20, client.failed.get(), client.timedOut.get());
        } finally {
            context.stop();
        }
    }

    /** The stack alone, as our SipServer configures it, answering every MESSAGE 200 through a server transaction. */
    private double[] bareStack() throws Exception {
        int port = FreePorts.udpAndTcp();
        SipServer server = new SipServer(new SipServerSettings("127.0.0.1", port, Set.of("UDP"), null, 1 << 20,
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2)), new AnswerOk());
        server.start();
        try (LoadClient client = new LoadClient(port, PASSWORD, 4, 512)) {
            String[] devices = ids(1_000);
            double tps = saturate(client, devices, SECONDS);
            return new double[] { tps, paced(client, devices, 10_000, SECONDS)[1] };
        } finally {
            server.stop();
        }
    }

    private static CamelContext platform(int port, AtomicLong keepalives, AtomicLong offline) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(port);
        component.getConfiguration().setTransports("UDP");
        component.getConfiguration().setPassword(PASSWORD);
        component.getConfiguration().setDigestQop(false);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=KEEPALIVE").process(e -> keepalives.incrementAndGet());
                from("gb28181:events?types=OFFLINE").process(e -> offline.incrementAndGet());
            }
        });
        return context;
    }

    private static void registerAll(LoadClient client, String[] devices) throws Exception {
        for (String device : devices) {
            client.register(device, 3600, rtt -> { });
        }
        client.awaitIdle(60, TimeUnit.SECONDS);
    }

    /** As many keepalives as the window allows, for the given time: completed transactions per second. */
    private static double saturate(LoadClient client, String[] devices, int seconds) throws Exception {
        warmUp(client, devices);
        long okBefore = client.ok.get();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; System.nanoTime() < end; i++) {
            client.keepalive(devices[i % devices.length], rtt -> { });
        }
        long elapsed = System.nanoTime() - start;
        long done = client.ok.get() - okBefore;
        client.awaitIdle(10, TimeUnit.SECONDS);
        return done / (elapsed / 1e9);
    }

    private static void warmUp(LoadClient client, String[] devices) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int i = 0; System.nanoTime() < end; i++) {
            client.keepalive(devices[i % devices.length], rtt -> { });
        }
        client.awaitIdle(10, TimeUnit.SECONDS);
    }

    /**
     * Keepalives at a fixed rate: p50, p99, p99.9 and max round trip in nanoseconds, measured in the steady state of
     * that rate. The transactions of the saturation phase first run out their 32 s (Timer J), then 10 s at the rate
     * go unmeasured, so the figure is of 10,000/s, not of the overload before it.
     */
    private static long[] paced(LoadClient client, String[] devices, int perSecond, int seconds) throws Exception {
        TimeUnit.SECONDS.sleep(33);
        rate(client, devices, perSecond, 10, rtt -> { });
        int total = perSecond * seconds;
        AtomicLongArray rtts = new AtomicLongArray(total);
        AtomicLong count = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            client.keepalive(devices[i % devices.length], rtt -> {
                long at = count.getAndIncrement();
                if (at < total) {
                    rtts.set((int) at, rtt);
                }
            });
        }
        client.awaitIdle(10, TimeUnit.SECONDS);
        int n = (int) Math.min(count.get(), total);
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = rtts.get(i);
        }
        Arrays.sort(sorted);
        return new long[] { sorted[n / 2], sorted[(int) (n * 0.99)], sorted[(int) (n * 0.999)], sorted[n - 1] };
    }

    private static void rate(LoadClient client, String[] devices, int perSecond, int seconds,
                             java.util.function.LongConsumer onOk) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < (long) perSecond * seconds; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            client.keepalive(devices[(int) (i % devices.length)], onOk);
        }
    }

    /** Every device keeps alive once a minute, spread evenly; returns the highest heap use seen. */
    private static long hold(LoadClient client, String[] devices, int minutes) throws Exception {
        long interval = TimeUnit.MINUTES.toNanos(1) / devices.length;
        long start = System.nanoTime();
        long total = (long) devices.length * minutes;
        long maxUsed = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long now;
            while ((now = System.nanoTime()) < due) {
                if (due - now > 2_000_000) {
                    TimeUnit.NANOSECONDS.sleep(due - now - 1_000_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            client.keepalive(devices[(int) (i % devices.length)], rtt -> { });
            if (i % devices.length == 0) {
                maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                System.out.printf("  held minute %d of %d%n", i / devices.length + 1, minutes);
            }
        }
        client.awaitIdle(10, TimeUnit.SECONDS);
        return maxUsed;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String[] ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("3402000000132%07d", i);
        }
        return ids;
    }

    private static void report(String name, double value, String unit, String target, boolean pass) {
        System.out.printf("%s: %,.2f %s (target: %s) %s%n", name, value, unit, target, pass ? "PASS" : "FAIL");
    }

    /** The baseline's whole application: 200 OK to every request, through a server transaction. */
    private static final class AnswerOk implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            try {
                SipProvider provider = (SipProvider) event.getSource();
                var transaction = provider.getNewServerTransaction(event.getRequest());
                transaction.sendResponse(io.github.gb28181.camel.sip.transport.SipFactories.MESSAGES
                        .createResponse(Response.OK, event.getRequest()));
            } catch (Exception e) {
                // a retransmission: its transaction answers it
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}

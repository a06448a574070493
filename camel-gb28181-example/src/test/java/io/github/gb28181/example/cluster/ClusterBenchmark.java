package io.github.gb28181.example.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster of docs/cluster.md on one machine, measured: Kamailio on 127.0.0.10 in front of three example platforms
 * on 127.0.0.11-13 sharing a Hazelcast registry, an Artemis broker as the event bus, and {@code cluster/DeviceSwarm.java}
 * as thousands of devices in a process of its own. It prints what docs/cluster.md quotes: registration spread, REST
 * listing and PTZ from every node, the failover after kill -9 of a node (time to recover, devices lost, alarms lost),
 * REGISTER throughput with 3, 2 and 1 nodes behind the proxy, and the proxy's own ceiling in front of sipp stand-ins.
 * The nodes keep the example's defaults: the REST API asks for a login (given here, spoken as HTTP Basic), and a
 * device's MESSAGEs are bound to where it registered from, which through the proxy is the address in its Via.
 * Not part of the default build: {@code cluster/run.sh} runs it ({@code -Pcluster}).
 */
class ClusterBenchmark {

    private static final String PROXY = "127.0.0.10";
    private static final String[] NODES = {"127.0.0.11", "127.0.0.12", "127.0.0.13"};
    private static final int BROKER_PORT = 61616;
    private static final Pattern ALARM = Pattern.compile("swarm-(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The REST API's login on every node (gb28181.web.*): the run speaks to it as an API client, with HTTP Basic. */
    private static final String WEB_USER = "admin";
    private static final String WEB_PASSWORD = "cluster-run";
    private static final String SWARM_HOST = "127.0.0.1";

    private final int devices = Integer.getInteger("cluster.devices", 3000);
    private final int keepalive = Integer.getInteger("cluster.keepalive", 20);
    private final int benchSeconds = Integer.getInteger("cluster.benchSeconds", 20);
    private final int benchWindow = Integer.getInteger("cluster.benchWindow", 64);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Process[] nodes = new Process[NODES.length];
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<Long> alarmsReceived = ConcurrentHashMap.newKeySet();
    private final AtomicInteger alarmMessages = new AtomicInteger();
    private final BlockingQueue<String> swarmOutput = new LinkedBlockingQueue<>();
    private final Set<Long> alarmsSent = ConcurrentHashMap.newKeySet();
    private Path work;
    private Process swarm;
    private OutputStream swarmInput;
    private Connection jms;

    @Test
    void threeNodesBehindKamailio() throws Exception {
        work = Files.createTempDirectory("gb28181-cluster-");
        System.out.println("CLUSTER work folder " + work + ", " + devices + " devices, keepalive " + keepalive + " s");
        load("start");
        startBroker();
        Path nodesList = work.resolve("nodes.list");
        StringBuilder list = new StringBuilder();
        for (String node : NODES) {
            list.append("1 sip:").append(node).append(":5060\n");
        }
        Files.writeString(nodesList, list);
        start("kamailio", List.of("kamailio", "-DD", "-E", "-m", "256", "-f", Path.of("cluster/kamailio/kamailio.cfg").toAbsolutePath()
                .toString(), "-A", "LISTEN=udp:" + PROXY + ":5060", "-A", "NODES=\"" + nodesList + "\"",
                "-A", "FR_TIMER=" + Integer.getInteger("cluster.frTimer", 5000), "-w",
                work.toString(), "-P", work.resolve("kamailio.pid").toString()));
        for (int i = 0; i < NODES.length; i++) {
            nodes[i] = startNode(i);
        }
        for (int i = 0; i < NODES.length; i++) {
            awaitReady(i, Duration.ofMinutes(8));
        }
        listenToAlarms();
        load("nodes up");

        startSwarm();
        String registered = awaitSwarm("REGISTERED", Duration.ofMinutes(3));
        figure("registration", registered);
        load("registered");

        // every node lists every device, online, spread over the three
        for (int i = 0; i < NODES.length; i++) {
            int node = i;
            Map<String, Integer> owners = awaitOwners(node, Duration.ofSeconds(60));
            figure("node-" + (i + 1) + " lists", owners.toString());
        }
        Map<String, Integer> owners = owners(0);
        check(owners.keySet().equals(Set.of("node-1", "node-2", "node-3")), "devices on every node: " + owners);
        // every request reaches the nodes from the proxy: they must know each device at its own address (the Via the
        // proxy stamped), which the address binding then holds its MESSAGEs to
        Map<String, Integer> hosts = remoteHosts(0);
        figure("device addresses as node-1 knows them", hosts.toString());
        check(hosts.keySet().equals(Set.of(SWARM_HOST)), "every device at the swarm's address, not " + hosts);

        // PTZ every device, each through a node in turn: two thirds of them owned by another node than the one asked
        ptzAll();
        load("ptz done");

        figure("throughput, 3 nodes", bench());
        load("bench 3 nodes");

        int victim = failover();
        load("failover done");
        figure("throughput, 2 nodes", bench());

        List<Integer> left = new ArrayList<>(List.of(0, 1, 2));
        left.remove(Integer.valueOf(victim));
        kill(left.get(1), "node-" + (left.get(1) + 1) + " (gracefully, for the one-node figure)", false);
        awaitOwners(left.get(0), Duration.ofSeconds(3L * keepalive + 20));
        figure("throughput, 1 node", bench());
        load("bench 1 node");

        proxyAlone();
        load("end");
        System.out.println("CLUSTER ---- figures ----");
        figures.forEach((k, v) -> System.out.println("CLUSTER " + k + ": " + v));
        assertThat(failures).as("what the run expected").isEmpty();
    }

    private void figure(String name, String value) {
        figures.put(name, value);
        System.out.println("CLUSTER " + name + ": " + value);
    }

    private void check(boolean held, String what) {
        if (!held) {
            failures.add(what);
            System.out.println("CLUSTER FAILED: " + what);
        }
    }

    /**
     * kill -9 of the node that runs the singletons while alarms flow: how long until its devices are online on the
     * others, what was lost, and which node runs the singletons after it.
     *
     * @return the node killed
     */
    private int failover() throws Exception {
        String singletons = singletonNodes();
        figure("singletons before the kill", singletons);
        Matcher last = Pattern.compile("node-(\\d)]$").matcher(singletons);
        int victim = last.find() ? Integer.parseInt(last.group(1)) - 1 : 1;
        int observer = (victim + 1) % NODES.length;
        String dead = "node-" + (victim + 1);
        send("alarms 20");
        Thread.sleep(3000); // alarms in flight before the kill: a measurement window, not synchronisation
        Map<String, Integer> before = owners(observer);
        int orphaned = before.getOrDefault(dead, 0);
        long killedAt = System.nanoTime();
        kill(victim, dead + " (kill -9)", true);
        long deadline = killedAt + TimeUnit.SECONDS.toNanos(2L * keepalive);
        Map<String, Integer> now = before;
        long recoveredAt = -1;
        while (System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(30)) {
            now = owners(observer);
            int online = now.entrySet().stream().filter(e -> !e.getKey().equals(dead) && !e.getKey().equals("offline"))
                    .mapToInt(Map.Entry::getValue).sum();
            if (online == devices) {
                recoveredAt = System.nanoTime();
                break;
            }
            Thread.sleep(250);
        }
        int lost = devices - now.entrySet().stream()
                .filter(e -> !e.getKey().equals(dead) && !e.getKey().equals("offline"))
                .mapToInt(Map.Entry::getValue).sum();
        Thread.sleep(3000);
        send("alarms 0");
        String status = awaitQuietSwarm();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!alarmsReceived.containsAll(alarmsSent) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        Set<Long> missing = new TreeSet<>(alarmsSent);
        missing.removeAll(alarmsReceived);
        double recover = recoveredAt < 0 ? Double.NaN : (recoveredAt - killedAt) / 1e9;
        figure("failover", String.format("%d devices were on %s; all %d online on the others after %.1f s"
                                              + " (limit 2 keepalives = %d s); devices lost %d; alarms sent %d, received"
                                              + " %d distinct (%d messages), lost %d %s", orphaned, dead, devices, recover,
                2 * keepalive, lost, alarmsSent.size(), alarmsReceived.size(), alarmMessages.get(), missing.size(),
                missing.isEmpty() ? "" : missing.stream().limit(10).toList().toString()));
        figure("failover owners", now.toString());
        figure("singletons after the kill", singletonNodes());
        figure("swarm after failover", status);
        check(!status.contains("403="), "no MESSAGE refused as from another address: " + status);
        check(lost == 0, "no device lost in the failover, but " + lost);
        check(recover <= 2.0 * keepalive, "recovered within two keepalives (" + 2 * keepalive + " s), not " + recover);
        check(missing.isEmpty(), "no alarm lost, but " + missing.size());
        check(!singletonNodes().equals(singletons), "another node took the singletons over");
        return victim;
    }

    /** The nodes that said, in the order they said it, that they run the cluster's singletons. */
    private String singletonNodes() throws IOException {
        List<String> said = new ArrayList<>();
        for (int i = 0; i < NODES.length; i++) {
            for (String line : Files.readAllLines(work.resolve("node-" + (i + 1) + ".log"))) {
                if (line.contains("runs the cluster's singletons")) {
                    said.add(line.substring(0, Math.min(12, line.length())) + " node-" + (i + 1));
                }
            }
        }
        said.sort(null);
        return said.toString();
    }

    private void ptzAll() throws Exception {
        Semaphore inFlight = new Semaphore(32);
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, AtomicInteger> failed = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < devices; i++) {
            String device = "3402000000132" + String.format("%07d", i);
            int node = i % NODES.length;
            inFlight.acquire();
            HttpRequest request = api(node, "/api/channels/" + device + "/ptz")
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"up\",\"speed\":64}")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.computeIfAbsent(error != null ? -1 : response.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(32);
        double seconds = (System.nanoTime() - start) / 1e9;
        send("status");
        String status = awaitSwarm("STATUS", Duration.ofSeconds(10));
        figure("ptz", String.format("%d of %d PTZ commands answered 200 through nodes 1,2,3 in turn, %.1f s (%.0f/s);"
                                         + " failures %s; devices saw: %s", ok.get(), devices, seconds, devices / seconds,
                failed, status));
        check(ok.get() == devices, "every PTZ answered, but " + ok.get() + " of " + devices);
    }

    private String bench() throws Exception {
        send("bench " + benchSeconds + " " + benchWindow);
        return awaitSwarm("BENCH", Duration.ofSeconds(benchSeconds + 60L)) + ", load " + loadAverage();
    }

    /** The proxy alone: the nodes replaced by sipp answering REGISTER, the same load. */
    private void proxyAlone() throws Exception {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i].isAlive()) {
                kill(i, "node-" + (i + 1), false);
            }
        }
        for (String node : NODES) {
            start("sipp-" + node, List.of("sipp", "-sf", Path.of("cluster/sipp/registrar.xml").toAbsolutePath().toString(),
                    "-i", node, "-p", "5060", "-t", "u1", "-nostdin", "-nd", "-trace_err", "-error_file",
                    work.resolve("sipp-" + node + ".errors").toString()));
        }
        Thread.sleep(5000); // the proxy's probes (every second, two answers) bring the stand-ins in
        figure("throughput, proxy alone (sipp stand-ins)", bench());
    }

    private Process startNode(int index) throws IOException {
        String host = NODES[index];
        String name = "node-" + (index + 1);
        List<String> members = new ArrayList<>();
        for (String node : NODES) {
            members.add(node + ":5701");
        }
        Path data = work.resolve(name);
        return start(name, List.of(java(), "-Xmx512m", "-XX:MaxGCPauseMillis=10", "-cp", classpath(),
                "io.github.gb28181.example.PlatformApplication",
                "--server.address=" + host, "--server.port=8080",
                "--gb28181.sip-host=" + host, "--gb28181.advertised-address=" + host,
                "--gb28181.rtp-port=" + (30000 + index * 10), "--gb28181.data-dir=" + data,
                "--gb28181.catalog-refresh=2m",
                "--spring.artemis.mode=native", "--spring.artemis.broker-url=tcp://" + PROXY + ":" + BROKER_PORT,
                "--spring.artemis.embedded.enabled=false", "--gb28181.broker-port=0",
                "--camel.component.gb28181.answer-after-processing=true",
                "--camel.component.gb28181.keepalive-timeout=" + (3 * keepalive) + "s",
                "--camel.component.gb28181.device-store-directory=",
                "--gb28181.web.user=" + WEB_USER, "--gb28181.web.password=" + WEB_PASSWORD,
                "--gb28181.cluster.enabled=true", "--gb28181.cluster.node=" + name,
                "--gb28181.cluster.host=" + host, "--gb28181.cluster.port=5701",
                "--gb28181.cluster.members=" + String.join(",", members),
                "--gb28181.cluster.proxies=" + PROXY, "--gb28181.cluster.lock-dir=" + work.resolve("locks"),
                "--logging.level.io.github.gb28181=WARN", "--logging.level.com.hazelcast=WARN",
                "--logging.level.gb28181.cluster=INFO"));
    }

    private void startBroker() throws Exception {
        start("broker", List.of(java(), "-Xmx256m", "-cp", classpath(),
                "io.github.gb28181.example.broker.StandaloneBroker", PROXY, Integer.toString(BROKER_PORT),
                work.resolve("broker").toString()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(PROXY, BROKER_PORT), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The broker did not start: " + work.resolve("broker.log"));
    }

    private void startSwarm() throws IOException {
        swarm = start("swarm", List.of(java(), "-Xmx512m", Path.of("cluster/DeviceSwarm.java").toAbsolutePath().toString(),
                PROXY, "5060", Integer.toString(devices), Integer.toString(keepalive), "30", SWARM_HOST), true);
        swarmInput = swarm.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(swarm.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ALARM-SENT ")) {
                        alarmsSent.add(Long.parseLong(line.substring(11).trim()));
                    } else {
                        System.out.println("CLUSTER swarm: " + line);
                        swarmOutput.add(line);
                    }
                }
            } catch (IOException e) {
                // the swarm ended
            }
        }, "swarm-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void listenToAlarms() throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://" + PROXY + ":" + BROKER_PORT);
        jms = factory.createConnection();
        Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("gb28181.alarms"));
        consumer.setMessageListener(message -> {
            try {
                Matcher m = ALARM.matcher(((TextMessage) message).getText());
                if (m.find()) {
                    alarmMessages.incrementAndGet();
                    alarmsReceived.add(Long.parseLong(m.group(1)));
                }
            } catch (Exception e) {
                System.out.println("CLUSTER unreadable alarm: " + e.getMessage());
            }
        });
        jms.start();
    }

    /** Devices by owner node as node {@code index} lists them; offline ones under "offline". */
    private Map<String, Integer> owners(int index) throws Exception {
        Map<String, Integer> owners = new TreeMap<>();
        for (JsonNode device : devices(index)) {
            String key = device.path("online").asBoolean() ? device.path("ownerNode").asText("?") : "offline";
            owners.merge(key, 1, Integer::sum);
        }
        return owners;
    }

    /** Devices by the host node {@code index} knows them at. */
    private Map<String, Integer> remoteHosts(int index) throws Exception {
        Map<String, Integer> hosts = new TreeMap<>();
        for (JsonNode device : devices(index)) {
            String address = device.path("remoteAddress").asText("?");
            hosts.merge(address.substring(0, Math.max(0, address.lastIndexOf(':'))), 1, Integer::sum);
        }
        return hosts;
    }

    private JsonNode devices(int index) throws Exception {
        HttpResponse<String> response = http.send(api(index, "/api/devices").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/devices on node-" + (index + 1) + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private Map<String, Integer> awaitOwners(int index, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> owners = Map.of();
        while (System.nanoTime() < end) {
            owners = owners(index);
            int online = owners.entrySet().stream().filter(e -> !e.getKey().equals("offline"))
                    .mapToInt(Map.Entry::getValue).sum();
            if (online == devices) {
                return owners;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node-" + (index + 1) + " lists " + owners + ", not " + devices + " online devices");
    }

    /** Waits until the node says it is ready: its web server, SIP and every route up (the readiness probe). */
    private void awaitReady(int index, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!nodes[index].isAlive()) {
                throw new IllegalStateException("node-" + (index + 1) + " died: " + work.resolve("node-" + (index + 1)
                                                                                                    + ".log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(index)
                                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node-" + (index + 1) + " did not start");
    }

    private String awaitQuietSwarm() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String status = "";
        while (System.nanoTime() < end) {
            send("status");
            status = awaitSwarm("STATUS", Duration.ofSeconds(10));
            if (pendingAlarmsDone(status)) {
                break;
            }
            Thread.sleep(1000);
        }
        return status;
    }

    private static boolean pendingAlarmsDone(String status) {
        Matcher sent = Pattern.compile("alarmsSent=(\\d+)").matcher(status);
        Matcher acked = Pattern.compile("alarmsAcked=(\\d+)").matcher(status);
        Matcher failed = Pattern.compile("alarmsFailed=(\\d+)").matcher(status);
        return sent.find() && acked.find() && failed.find()
               && Long.parseLong(sent.group(1)) == Long.parseLong(acked.group(1)) + Long.parseLong(failed.group(1));
    }

    private String awaitSwarm(String word, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String line = swarmOutput.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(word)) {
                return line;
            }
            if (!swarm.isAlive()) {
                throw new IllegalStateException("The swarm died: " + work.resolve("swarm.err"));
            }
        }
        throw new AssertionError("No " + word + " from the swarm within " + timeout);
    }

    private void send(String command) throws IOException {
        swarmInput.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        swarmInput.flush();
    }

    private void kill(int index, String what, boolean hard) throws Exception {
        Process node = nodes[index];
        long pid = node.pid();
        if (hard) {
            new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        } else {
            node.destroy();
        }
        node.waitFor(60, TimeUnit.SECONDS);
        System.out.println("CLUSTER stopped " + what + ", pid " + pid);
    }

    private void load(String when) throws IOException {
        System.out.println("CLUSTER load average at " + when + ": " + loadAverage());
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private Process start(String name, List<String> command) throws IOException {
        return start(name, command, false);
    }

    private Process start(String name, List<String> command, boolean piped) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve(name + ".err").toFile());
        if (!piped) {
            builder.redirectOutput(work.resolve(name + ".log").toFile());
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String base(int index) {
        return "http://" + NODES[index] + ":8080";
    }

    private static HttpRequest.Builder api(int index, String path) {
        String login = Base64.getEncoder().encodeToString((WEB_USER + ":" + WEB_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base(index) + path)).header("Authorization", "Basic " + login);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    @AfterEach
    void stopAll() throws Exception {
        if (jms != null) {
            jms.close();
        }
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

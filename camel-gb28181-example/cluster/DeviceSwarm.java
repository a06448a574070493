import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thousands of simulated GB/T 28181 devices on a few UDP sockets, for the cluster run (docs/cluster.md). A
 * single-file program with no dependencies, run in a process of its own: {@code java DeviceSwarm.java ...}.
 *
 * <p>Each device registers to the proxy, sends a keepalive every interval (and registers again after three that got no
 * 200, as devices do), answers the platform's queries (Catalog with one channel, DeviceInfo) and controls (PTZ, counted), and
 * on request sends alarms with unique numbers. Client transactions are retransmitted the RFC 3261 way (500 ms doubling
 * to 4 s, given up after 32 s).
 *
 * <p>Commands on standard input, one a line: {@code alarms RATE} (alarms per second over all devices, 0 stops),
 * {@code status}, {@code bench SECONDS WINDOW} (REGISTER refreshes as fast as a window of WINDOW outstanding allows),
 * {@code quit}. It prints lines that start with a word: REGISTERED, STATUS, BENCH, ALARM-SENT.
 *
 * <p>Arguments: proxyHost proxyPort devices keepaliveSeconds [sockets] [localHost]; device ids are
 * 3402000000132 followed by 0000000, 0000001 ...
 */
public final class DeviceSwarm {

    private static final String DOMAIN = "3402000000";
    private static final String PLATFORM = "34020000002000000001";
    private static final Pattern BRANCH = Pattern.compile("branch=([^;,\\s]+)");
    private static final Pattern SN = Pattern.compile("<SN>(\\d+)</SN>");
    private static final Pattern CMD = Pattern.compile("<CmdType>(\\w+)</CmdType>");

    private final InetSocketAddress proxy;
    private final int keepaliveSeconds;
    private final List<DatagramChannel> sockets = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "swarm-timer");
        t.setDaemon(true);
        return t;
    });
    private final String localHost;

    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicLong keepalivesOk = new AtomicLong();
    private final AtomicLong keepalivesFailed = new AtomicLong();
    private final AtomicLong reregisters = new AtomicLong();
    private final AtomicLong alarmsSent = new AtomicLong();
    private final AtomicLong alarmsAcked = new AtomicLong();
    private final AtomicLong alarmsFailed = new AtomicLong();
    private final AtomicLong ptzReceived = new AtomicLong();
    private final AtomicLong queriesAnswered = new AtomicLong();
    private final AtomicLong alarmAnswers = new AtomicLong();
    /** Final answers other than 200, by status: 408 is a transaction that got none. */
    private final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> alarmTask;

    final class Device {
        final String id;
        final DatagramChannel socket;
        final String callId = newId();
        final AtomicLong cseq = new AtomicLong(1);
        volatile boolean registered;
        volatile boolean registering;
        final AtomicInteger missedKeepalives = new AtomicInteger();

        Device(String id, DatagramChannel socket) {
            this.id = id;
            this.socket = socket;
        }

        int localPort() {
            return ((InetSocketAddress) socketAddress(socket)).getPort();
        }
    }

    /** A client transaction: retransmitted until a final answer, or given up after 32 s. */
    final class Transaction {
        final String branch;
        final Device device;
        final byte[] bytes;
        final Consumer<Integer> done;
        final long started = System.nanoTime();
        volatile long interval = 500;
        volatile boolean finished;

        Transaction(String branch, Device device, byte[] bytes, Consumer<Integer> done) {
            this.branch = branch;
            this.device = device;
            this.bytes = bytes;
            this.done = done;
        }

        void send() {
            if (finished) {
                return;
            }
            if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(32)) {
                finish(408);
                return;
            }
            write(device.socket, bytes, proxy);
            timers.schedule(this::send, interval, TimeUnit.MILLISECONDS);
            interval = Math.min(4000, interval * 2);
        }

        void finish(int status) {
            if (!finished) {
                finished = true;
                if (status != 200) {
                    refusals.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                transactions.remove(branch);
                done.accept(status);
            }
        }
    }

    /** Device ids: this 13-digit prefix (domain 3402000000, type 132: IP camera) and a 7-digit number from 0. */
    static final String PREFIX = "3402000000132";

    DeviceSwarm(InetSocketAddress proxy, int count, int keepaliveSeconds, int socketCount, String localHost)
            throws Exception {
        this.proxy = proxy;
        this.keepaliveSeconds = keepaliveSeconds;
        this.localHost = localHost;
        for (int i = 0; i < socketCount; i++) {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(localHost, 0));
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            sockets.add(channel);
            Thread reader = new Thread(() -> read(channel), "swarm-reader-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        for (int i = 0; i < count; i++) {
            devices.add(new Device(PREFIX + String.format("%07d", i), sockets.get(i % socketCount)));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("DeviceSwarm proxyHost proxyPort devices keepaliveSeconds [sockets] [localHost]");
            System.exit(2);
        }
        DeviceSwarm swarm = new DeviceSwarm(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 30,
                args.length > 5 ? args[5] : "127.0.0.1");
        swarm.registerAll(200);
        swarm.commands();
    }

    /** Registers every device, {@code perSecond} at most, then starts their keepalives. */
    void registerAll(int perSecond) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore window = new Semaphore(perSecond);
        timers.scheduleAtFixedRate(() -> window.release(perSecond - window.availablePermits()), 1, 1, TimeUnit.SECONDS);
        for (Device device : devices) {
            window.acquire();
            register(device);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (registered.get() < devices.size() && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling our own counter: a report, not a synchronisation
        }
        System.out.printf("REGISTERED %d of %d in %.1f s%n", registered.get(), devices.size(),
                (System.nanoTime() - start) / 1e9);
        for (Device device : devices) {
            long first = ThreadLocalRandom.current().nextLong(keepaliveSeconds * 1000L);
            timers.scheduleAtFixedRate(() -> keepalive(device), first, keepaliveSeconds * 1000L, TimeUnit.MILLISECONDS);
        }
    }

    void register(Device device) {
        if (device.registering) {
            return;
        }
        device.registering = true;
        send(device, register(device, 3600, device.callId), status -> {
            device.registering = false;
            if (status == 200) {
                if (!device.registered) {
                    device.registered = true;
                    registered.incrementAndGet();
                }
            } else {
                timers.schedule(() -> register(device), 1, TimeUnit.SECONDS);
            }
        });
    }

    void keepalive(Device device) {
        if (!device.registered || device.registering) {
            return;
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>"
                     + device.cseq.get() + "</SN>\r\n<DeviceID>" + device.id + "</DeviceID>\r\n<Status>OK</Status>\r\n"
                     + "</Notify>\r\n";
        send(device, message(device, xml), status -> {
            if (status == 200) {
                keepalivesOk.incrementAndGet();
                device.missedKeepalives.set(0);
            } else {
                keepalivesFailed.incrementAndGet();
                // what devices do after three keepalives the platform did not answer: register again
                if (device.missedKeepalives.incrementAndGet() >= 3) {
                    device.missedKeepalives.set(0);
                    reregisters.incrementAndGet();
                    register(device);
                }
            }
        });
    }

    void alarm(long number) {
        Device device = devices.get(ThreadLocalRandom.current().nextInt(devices.size()));
        if (!device.registered) {
            return;
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>"
                     + number + "</SN>\r\n<DeviceID>" + device.id + "</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n"
                     + "<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2024-05-04T14:43:16</AlarmTime>\r\n"
                     + "<AlarmDescription>swarm-" + number + "</AlarmDescription>\r\n</Notify>\r\n";
        alarmsSent.incrementAndGet();
        System.out.println("ALARM-SENT " + number);
        send(device, message(device, xml), status -> {
            if (status == 200) {
                alarmsAcked.incrementAndGet();
            } else {
                alarmsFailed.incrementAndGet();
            }
        });
    }

    void commands() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        AtomicLong alarmNumber = new AtomicLong();
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "alarms" -> {
                    if (alarmTask != null) {
                        alarmTask.cancel(false);
                    }
                    int rate = Integer.parseInt(words[1]);
                    if (rate > 0) {
                        alarmTask = timers.scheduleAtFixedRate(() -> alarm(alarmNumber.incrementAndGet()), 0,
                                1_000_000L / rate, TimeUnit.MICROSECONDS);
                    }
                }
                case "status" -> status();
                case "bench" -> bench(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
                case "quit" -> {
                    status();
                    System.exit(0);
                }
                default -> System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
    }

    void status() {
        System.out.printf("STATUS registered=%d keepalivesOk=%d keepalivesFailed=%d reregisters=%d alarmsSent=%d"
                          + " alarmsAcked=%d alarmsFailed=%d ptz=%d queries=%d alarmAnswers=%d refusals=%s pending=%d%n",
                registered.get(), keepalivesOk.get(), keepalivesFailed.get(), reregisters.get(), alarmsSent.get(),
                alarmsAcked.get(), alarmsFailed.get(), ptzReceived.get(), queriesAnswered.get(), alarmAnswers.get(),
                refusals, transactions.size());
    }

    /** REGISTER refreshes, each with a new Call-ID, WINDOW outstanding at a time, for SECONDS: answers per second. */
    void bench(int seconds, int window) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int i = 0;
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            Device device = devices.get(i++ % devices.size());
            send(device, register(device, 3600, newId()), status -> {
                if (status == 200) {
                    ok.incrementAndGet();
                    slots.release();
                } else {
                    // a refusal comes back at once: back off as a device would, or the run measures its own retries
                    failed.incrementAndGet();
                    timers.schedule(() -> slots.release(), 1, TimeUnit.SECONDS);
                }
            });
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        slots.tryAcquire(window, 40, TimeUnit.SECONDS);
        System.out.printf("BENCH ok=%d failed=%d seconds=%.1f rate=%.0f%n", ok.get(), failed.get(), elapsed,
                ok.get() / elapsed);
    }

    private void send(Device device, byte[] request, Consumer<Integer> done) {
        String text = new String(request, 0, Math.min(request.length, 400), StandardCharsets.UTF_8);
        Matcher branch = BRANCH.matcher(text);
        branch.find();
        Transaction transaction = new Transaction(branch.group(1), device, request, done);
        transactions.put(transaction.branch, transaction);
        transaction.send();
    }

    private byte[] register(Device d, int expires, String callId) {
        String tag = newId();
        return ("REGISTER sip:" + PLATFORM + "@" + DOMAIN + " SIP/2.0\r\n"
                + via(d)
                + "From: <sip:" + d.id + "@" + DOMAIN + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + d.id + "@" + DOMAIN + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + d.cseq.incrementAndGet() + " REGISTER\r\n"
                + "Contact: <sip:" + d.id + "@" + localHost + ":" + d.localPort() + ">\r\n"
                + "Max-Forwards: 70\r\nUser-Agent: DeviceSwarm\r\nExpires: " + expires + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] message(Device d, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        String head = "MESSAGE sip:" + PLATFORM + "@" + DOMAIN + " SIP/2.0\r\n"
                      + via(d)
                      + "From: <sip:" + d.id + "@" + DOMAIN + ">;tag=" + newId() + "\r\n"
                      + "To: <sip:" + PLATFORM + "@" + DOMAIN + ">\r\n"
                      + "Call-ID: " + newId() + "\r\n"
                      + "CSeq: " + d.cseq.incrementAndGet() + " MESSAGE\r\n"
                      + "Max-Forwards: 70\r\nUser-Agent: DeviceSwarm\r\nContent-Type: Application/MANSCDP+xml\r\n"
                      + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }

    private String via(Device d) {
        return "Via: SIP/2.0/UDP " + localHost + ":" + d.localPort() + ";rport;branch=z9hG4bK" + newId() + "\r\n";
    }

    private void read(DatagramChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (true) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                String text = StandardCharsets.UTF_8.decode(buffer).toString();
                if (text.startsWith("SIP/2.0 ")) {
                    response(text);
                } else {
                    request(channel, from, text);
                }
            } catch (Exception e) {
                if (!channel.isOpen()) {
                    return;
                }
            }
        }
    }

    private final AtomicInteger refusalsShown = new AtomicInteger();

    private void response(String text) {
        int status = Integer.parseInt(text.substring(8, 11));
        if (status < 200) {
            return;
        }
        if (status != 200 && refusalsShown.incrementAndGet() <= 5) {
            // the first few say who refused and why: the proxy (Server: kamailio) or a node (User-Agent)
            System.out.println("REFUSAL " + text.substring(0, text.indexOf("\r\n")) + " | " + header(text, "Server")
                               + header(text, "User-Agent") + " | " + header(text, "CSeq"));
        }
        Matcher branch = BRANCH.matcher(header(text, "Via"));
        if (branch.find()) {
            Transaction transaction = transactions.get(branch.group(1));
            if (transaction != null) {
                transaction.finish(status);
            }
        }
    }

    /** A request from the platform (through the proxy): 200 to it, and the answer a device gives. */
    private void request(DatagramChannel channel, SocketAddress from, String text) {
        String method = text.substring(0, text.indexOf(' '));
        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : text.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("via:") || lower.startsWith("v:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                || lower.startsWith("cseq:") || lower.startsWith("record-route:")) {
                ok.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                ok.append(line).append(line.contains("tag=") ? "" : ";tag=" + newId()).append("\r\n");
            }
        }
        ok.append("Content-Length: 0\r\n\r\n");
        write(channel, ok.toString().getBytes(StandardCharsets.UTF_8), from);
        if (!"MESSAGE".equals(method)) {
            return;
        }
        String deviceId = requestUser(text);
        Device device = deviceOf(deviceId);
        Matcher cmd = CMD.matcher(text);
        Matcher sn = SN.matcher(text);
        if (device == null || !cmd.find() || !sn.find()) {
            return;
        }
        if (text.contains("<Control>") && text.contains("<PTZCmd>")) {
            ptzReceived.incrementAndGet();
        } else if (text.contains("<Response>") && "Alarm".equals(cmd.group(1))) {
            alarmAnswers.incrementAndGet();
        } else if (text.contains("<Query>")) {
            String answer = switch (cmd.group(1)) {
                case "Catalog" -> "<Response><CmdType>Catalog</CmdType><SN>" + sn.group(1) + "</SN><DeviceID>"
                                  + device.id + "</DeviceID><SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>"
                                  + device.id.substring(0, 10) + "131" + device.id.substring(13)
                                  + "</DeviceID><Name>camera</Name><Status>ON</Status></Item></DeviceList></Response>";
                case "DeviceInfo" -> "<Response><CmdType>DeviceInfo</CmdType><SN>" + sn.group(1) + "</SN><DeviceID>"
                                     + device.id + "</DeviceID><Result>OK</Result><Manufacturer>Swarm</Manufacturer>"
                                     + "<Model>SIM-1</Model></Response>";
                default -> null;
            };
            if (answer != null) {
                queriesAnswered.incrementAndGet();
                send(device, message(device, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + answer + "\r\n"),
                        status -> { });
            }
        }
    }

    private Device deviceOf(String id) {
        if (id == null || id.length() != 20 || !id.startsWith(PREFIX)) {
            return null;
        }
        int index = Integer.parseInt(id.substring(PREFIX.length()));
        return index < devices.size() ? devices.get(index) : null;
    }

    private static String requestUser(String text) {
        int at = text.indexOf('@');
        int colon = text.indexOf("sip:");
        return colon >= 0 && at > colon ? text.substring(colon + 4, at) : null;
    }

    private static String header(String text, String name) {
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line;
            }
        }
        return "";
    }

    private static void write(DatagramChannel channel, byte[] bytes, SocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(bytes), to);
        } catch (Exception e) {
            // a lost datagram is retransmitted by its transaction
        }
    }

    private static SocketAddress socketAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}

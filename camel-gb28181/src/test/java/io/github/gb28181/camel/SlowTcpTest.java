package io.github.gb28181.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow and idle TCP connections are closed (a message must arrive within tcpMessageTimeout, a connection without a
 * device must not idle beyond tcpIdleTimeout), one address cannot hold more than maxTcpConnectionsPerAddress, and
 * devices register and keep their connections all the while.
 */
class SlowTcpTest extends Gb28181TestSupport {

    private static final int SLOW = 2_000;
    private static final int ADDRESSES = 20; // 100 connections each, under the limit of 150
    private final List<Socket> held = new ArrayList<>();

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setTcpMessageTimeout(4_000);
        configuration.setTcpIdleTimeout(6_000);
        configuration.setMaxTcpConnectionsPerAddress(150);
    }

    @AfterEach
    void closeHeld() {
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Test
    void twoThousandSlowConnectionsAreClosedWhileDevicesRegisterAndKeepTheirs() throws Exception {
        PlatformServer server = gb28181().runningServers().get(0);
        long sentAt = System.nanoTime();
        for (int i = 0; i < SLOW; i++) {
            Socket socket = connect(server, InetAddress.getByName("127.0.0." + (2 + i % ADDRESSES)));
            if (i % 2 == 0) { // half send the start of a REGISTER and never finish it, half send nothing at all
                socket.getOutputStream().write(("REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                                                + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK" + i + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }

        List<SimulatedDevice> devices = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                SimulatedDevice device = new SimulatedDevice("340200000013200007" + String.format("%02d", i), PASSWORD);
                devices.add(device);
                device.connect(sipPort, i % 2 == 0 ? "TCP" : "UDP");
                assertThat(device.register(3600).status()).as("device %d registers while slow connections are held", i)
                        .isEqualTo(200);
            }
            if (System.nanoTime() - sentAt < Duration.ofMillis(3_500).toNanos()) { // the first close after 4 s
                assertThat(server.sipServer().openTcpConnections()).as("held while the devices registered")
                        .isGreaterThanOrEqualTo(SLOW);
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> server.sipServer().openTcpConnections() == 10);
            for (Socket socket : held) {
                assertThat(closedByServer(socket)).as("slow connection from %s", socket.getLocalAddress()).isTrue();
            }
            assertThat(server.counters().tcpTimedOut()).isGreaterThanOrEqualTo(SLOW);
            for (SimulatedDevice device : devices) {
                assertThat(device.keepalive().status()).as("a device's connection outlives the idle timeout")
                        .isEqualTo(200);
            }
        } finally {
            devices.forEach(SimulatedDevice::close);
        }
    }

    @Test
    void oneAddressHoldsNoMoreThanItsLimit() throws Exception {
        PlatformServer server = gb28181().runningServers().get(0);
        InetAddress address = InetAddress.getByName("127.0.0.99");
        for (int i = 0; i < 200; i++) {
            connect(server, address);
        }
        // at once, long before the idle timeout closes the rest
        await().atMost(Duration.ofMillis(2500)).until(() -> server.counters().tcpRefused() == 50
                                                          && server.sipServer().openTcpConnections() == 150);
        assertThat(closedByServer(held.get(199))).as("the last one, refused").isTrue();

        try (SimulatedDevice device = new SimulatedDevice("34020000001320000799", PASSWORD)) {
            device.connect(sipPort, "TCP");
            assertThat(device.register(3600).status()).as("another address is not affected").isEqualTo(200);
        }
    }

    /**
     * Connects, in steps the listener keeps up with: a burst beyond its accept backlog makes the kernel drop SYNs,
     * and the client then waits a second to retry, which would test the kernel rather than the platform.
     */
    private Socket connect(PlatformServer server, InetAddress local) throws IOException {
        if (held.size() % 40 == 39) {
            int opened = held.size();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> server.sipServer().openTcpConnections()
                                                                + server.counters().tcpTimedOut()
                                                                + server.counters().tcpRefused() >= opened);
        }
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort), 5000);
        held.add(socket);
        return socket;
    }

    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}

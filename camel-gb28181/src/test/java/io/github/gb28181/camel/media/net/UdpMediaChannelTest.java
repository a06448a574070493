package io.github.gb28181.camel.media.net;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.media.NettyLeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the UDP port reads: a backlog goes in reads of several datagrams, each followed by readComplete, not one
 * datagram per trip through the selector.
 */
@ExtendWith(NettyLeakDetection.class)
class UdpMediaChannelTest {

    @Test
    void aBacklogIsReadSeveralDatagramsAtATimeEachReadEndingInReadComplete() throws Exception {
        List<Integer> reads = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        RtpInbound inbound = new RtpInbound() {
            @Override
            public Reader reader() {
                return new Reader() {
                    private int inThisRead;

                    @Override
                    public long packet(ByteBuf bytes, InetSocketAddress sender) {
                        inThisRead++;
                        sizes.add(bytes.readableBytes());
                        return -1;
                    }

                    @Override
                    public void readComplete() {
                        if (inThisRead > 0) {
                            reads.add(inThisRead);
                        }
                        inThisRead = 0;
                    }
                };
            }

            @Override
            public void senderGone(long ssrc) {
            }

            @Override
            public void error(String message, Throwable cause) {
            }
        };
        EventLoopGroup group = new NioEventLoopGroup(1);
        UdpMediaChannel channel = new UdpMediaChannel(group, "127.0.0.1", 0, 1024 * 1024, inbound);
        try {
            channel.start();
            // keep the event loop busy while the datagrams queue up in the socket
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            group.next().execute(() -> {
                busy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            int count = 2 * UdpMediaChannel.MAX_DATAGRAMS_PER_READ + 3;
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                for (int i = 0; i < count; i++) {
                    byte[] datagram = new byte[100 + i];
                    socket.send(new DatagramPacket(datagram, datagram.length, channel.localAddress()));
                }
                // and one bigger than Netty's default 2 KiB buffer, which must not be cut short
                byte[] jumbo = new byte[9000];
                socket.send(new DatagramPacket(jumbo, jumbo.length, channel.localAddress()));
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == count + 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> reads.stream().mapToInt(Integer::intValue).sum() == count + 1);
            assertThat(reads).containsExactly(UdpMediaChannel.MAX_DATAGRAMS_PER_READ,
                    UdpMediaChannel.MAX_DATAGRAMS_PER_READ, 4);
            assertThat(sizes.get(0)).isEqualTo(100);
            assertThat(sizes.get(count)).isEqualTo(9000);
        } finally {
            channel.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}

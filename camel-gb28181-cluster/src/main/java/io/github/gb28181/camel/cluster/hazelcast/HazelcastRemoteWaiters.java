package io.github.gb28181.camel.cluster.hazelcast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who waits for which answer is a Hazelcast map entry (key to node, living as long as the wait); an answer is handed
 * to the waiting node on that node's own topic.
 */
final class HazelcastRemoteWaiters implements RemoteWaiters {

    static final String MAP = "gb28181.waiters";
    static final String TOPIC = "gb28181.answers.";
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastRemoteWaiters.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, String> waiting;
    private final String localNode;
    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

    HazelcastRemoteWaiters(HazelcastInstance hazelcast, String localNode) {
        this.hazelcast = hazelcast;
        this.waiting = hazelcast.getMap(MAP);
        this.localNode = localNode;
        ITopic<byte[]> mine = hazelcast.getTopic(TOPIC + localNode);
        mine.addMessageListener(message -> received(message.getMessageObject()));
    }

    @Override
    public void expect(String key, Duration timeout) {
        // synchronous: the answer may reach the owner a moment after the request leaves
        waiting.set(key, localNode, timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void forget(String key) {
        waiting.removeAsync(key);
    }

    @Override
    public boolean handOver(String key, byte[] document, boolean partial) {
        String node = waiting.get(key);
        if (node == null || node.equals(localNode)) {
            return false;
        }
        hazelcast.<byte[]>getTopic(TOPIC + node).publish(frame(key, document, partial));
        return true;
    }

    @Override
    public void onHandedOver(Receiver receiver) {
        receivers.add(receiver);
    }

    private void received(byte[] frame) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame))) {
            boolean partial = in.readBoolean();
            String key = in.readUTF();
            byte[] document = in.readAllBytes();
            receivers.forEach(r -> r.received(key, document, partial));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable answer handed over by another node: {}", e.getMessage());
        }
    }

    private static byte[] frame(String key, byte[] document, boolean partial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(document.length + key.length() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBoolean(partial);
            out.writeUTF(key);
            out.write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

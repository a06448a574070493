package io.github.gb28181.camel.cluster.hazelcast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.github.gb28181.camel.device.DeviceSnapshot;
import io.github.gb28181.camel.device.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device registry in a Hazelcast map, one JSON document per device. Saves are coalesced and written by one
 * thread, in batches: a registration storm costs one write per device, not one per event, and the writes of one
 * device leave in the order they were made. Each document names the node that wrote it, so a node is told of the
 * others' changes and never of its own echo.
 */
final class HazelcastDeviceStore implements DeviceStore, AutoCloseable {

    static final String MAP = "gb28181.devices";
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastDeviceStore.class);
    private static final int BATCH = 500;

    private final IMap<String, String> devices;
    private final String localNode;
    private final ObjectMapper json = ClusterJson.mapper();
    /** Pending writes: a snapshot to save, or empty to delete. */
    private final Map<String, Optional<DeviceSnapshot>> pending = new ConcurrentHashMap<>();
    private final Semaphore work = new Semaphore(0);
    private final Thread writer;
    private volatile boolean closed;

    /** What one map entry holds. */
    record Entry(String by, DeviceSnapshot device) {
    }

    HazelcastDeviceStore(IMap<String, String> devices, String localNode) {
        this.devices = devices;
        this.localNode = localNode;
        this.writer = new Thread(this::writeLoop, "gb28181-cluster-store");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void save(DeviceSnapshot device) {
        pending.put(device.deviceId(), Optional.of(device));
        work.release();
    }

    @Override
    public void delete(String deviceId) {
        pending.put(deviceId, Optional.empty());
        work.release();
    }

    @Override
    public Collection<DeviceSnapshot> loadAll() {
        List<DeviceSnapshot> all = new ArrayList<>();
        for (String value : devices.values()) {
            Entry entry = read(value);
            if (entry != null) {
                all.add(entry.device());
            }
        }
        return all;
    }

    @Override
    public void watch(Changes changes) {
        devices.addEntryListener(new Listener(changes), true);
    }

    @Override
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            Map<String, String> batch = new HashMap<>();
            List<String> deletes = new ArrayList<>();
            for (String deviceId : List.copyOf(pending.keySet())) {
                Optional<DeviceSnapshot> change = pending.remove(deviceId);
                if (change == null) {
                    continue;
                }
                if (change.isEmpty()) {
                    deletes.add(deviceId);
                } else {
                    try {
                        batch.put(deviceId, json.writeValueAsString(new Entry(localNode, change.get())));
                    } catch (JsonProcessingException e) {
                        LOG.warn("Cannot write device {}: {}", deviceId, e.getMessage());
                    }
                }
                if (batch.size() >= BATCH) {
                    break;
                }
            }
            try {
                if (!batch.isEmpty()) {
                    devices.putAll(batch);
                }
                deletes.forEach(devices::delete);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Cannot write {} devices to the cluster: {}", batch.size() + deletes.size(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }

    private void writeLoop() {
        while (!closed) {
            try {
                work.acquire();
                work.drainPermits();
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Device store writer: {}", e.getMessage());
            }
        }
    }

    private Entry read(String value) {
        try {
            return json.readValue(value, Entry.class);
        } catch (JsonProcessingException e) {
            LOG.warn("Skipping an unreadable device in the cluster map: {}", e.getOriginalMessage());
            return null;
        }
    }

    /** Hands the other nodes' changes to the registry; this node's own come back too, and are skipped. */
    private final class Listener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
            EntryRemovedListener<String, String> {

        private final Changes changes;

        Listener(Changes changes) {
            this.changes = changes;
        }

        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            saved(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            saved(event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, String> event) {
            if (!event.getMember().localMember()) {
                changes.deleted(event.getKey());
            }
        }

        private void saved(String value) {
            Entry entry = read(value);
            if (entry != null && !localNode.equals(entry.by())) {
                changes.saved(entry.device());
            }
        }
    }
}

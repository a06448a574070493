package io.github.gb28181.camel.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each device as a JSON file in a folder. Saves are written behind, once a second, each file replaced
 * atomically: a registration storm costs one small write per device, not one per event, and a crash leaves either
 * the old file or the new one.
 */
public final class FileDeviceStore implements DeviceStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileDeviceStore.class);
    private static final String SUFFIX = ".json";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Pending writes: a snapshot to save, or empty to delete. */
    private final Map<String, Optional<DeviceSnapshot>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;

    public FileDeviceStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the device store folder " + directory, e);
        }
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gb28181-device-store");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void save(DeviceSnapshot device) {
        pending.put(device.deviceId(), Optional.of(device));
    }

    @Override
    public void delete(String deviceId) {
        pending.put(deviceId, Optional.empty());
    }

    @Override
    public Collection<DeviceSnapshot> loadAll() {
        List<DeviceSnapshot> devices = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    devices.add(json.readValue(file.toFile(), DeviceSnapshot.class));
                } catch (IOException e) {
                    LOG.warn("Skipping unreadable device file {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the device store folder " + directory, e);
        }
        return devices;
    }

    @Override
    public synchronized void flush() {
        for (String deviceId : List.copyOf(pending.keySet())) {
            Optional<DeviceSnapshot> change = pending.remove(deviceId);
            if (change == null) {
                continue;
            }
            Path file = directory.resolve(fileName(deviceId));
            try {
                if (change.isPresent()) {
                    Path temp = directory.resolve(fileName(deviceId) + ".tmp");
                    json.writeValue(temp.toFile(), change.get());
                    move(temp, file);
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot write device {} to {}: {}", deviceId, directory, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        flush();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Device ids are digits, but whatever a device calls itself must never become a path, collide with another id or
     * exceed what a file name may hold (a write that failed would lose the device on restart): an id of anything but
     * a few plain characters is named by its hash. The id itself is inside the file.
     */
    static String fileName(String deviceId) {
        if (PLAIN_ID.matcher(deviceId).matches()) {
            return deviceId + SUFFIX;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.UTF_8));
            return "id-" + HexFormat.of().formatHex(hash, 0, 16) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package io.github.gb28181.camel.device;

import java.util.Collection;

/**
 * Where the device registry keeps what it knows across restarts, so registered devices are known (and their
 * keepalives accepted) before they register again. Implement it over a database of your own; the component ships
 * an in-memory one (nothing kept) and {@link FileDeviceStore}.
 */
public interface DeviceStore {

    /** Saves (or replaces) a device. Called often: implementations may write behind. */
    void save(DeviceSnapshot device);

    void delete(String deviceId);

    /** Everything saved, read once when the registry starts. */
    Collection<DeviceSnapshot> loadAll();

    /** Writes out anything pending; called when the component stops. */
    default void flush() {
    }

    /**
     * Tells {@code changes} of the saves and deletes that others make from now on: the other nodes of a cluster
     * sharing this store. A store only this platform writes (a file, a database of its own) has nothing to tell.
     */
    default void watch(Changes changes) {
    }

    /** Changes another node made to the store. */
    interface Changes {
        void saved(DeviceSnapshot device);

        void deleted(String deviceId);
    }

    /** Keeps nothing: the registry starts empty every time. */
    DeviceStore NONE = new DeviceStore() {
        @Override
        public void save(DeviceSnapshot device) {
        }

        @Override
        public void delete(String deviceId) {
        }

        @Override
        public Collection<DeviceSnapshot> loadAll() {
            return java.util.List.of();
        }
    };
}

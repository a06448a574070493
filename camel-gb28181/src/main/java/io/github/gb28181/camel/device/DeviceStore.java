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

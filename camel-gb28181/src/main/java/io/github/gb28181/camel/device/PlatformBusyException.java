package io.github.gb28181.camel.device;

/**
 * Nothing was sent to the device: the platform had as many requests waiting to go out as it lets wait (a storm of
 * registrations), and the caller should try again later.
 */
public class PlatformBusyException extends DeviceException {

    public PlatformBusyException(String deviceId, String message) {
        super(deviceId, 503, message);
    }
}

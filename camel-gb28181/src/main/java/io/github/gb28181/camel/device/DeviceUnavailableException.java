package io.github.gb28181.camel.device;

/**
 * The device is unknown or offline, so nothing was sent.
 */
public class DeviceUnavailableException extends DeviceException {

    public DeviceUnavailableException(String deviceId, String message) {
        super(deviceId, 404, message);
    }
}

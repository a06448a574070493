package io.github.gb28181.camel.device;

/**
 * The device answered the request with a SIP error (4xx, 5xx, 6xx); {@link #getStatusCode()} is its status.
 */
public class DeviceRejectedException extends DeviceException {

    public DeviceRejectedException(String deviceId, int statusCode, String message) {
        super(deviceId, statusCode, message);
    }
}

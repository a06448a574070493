package io.github.gb28181.camel.device;

/**
 * Nothing was sent: the device cannot take what was asked. It announced a GB/T 28181 revision that lacks the command
 * (status 501), or it listed what it offers and this is not among it, such as a stream number or download speed that
 * its catalog does not name (status 488).
 */
public class DeviceUnsupportedException extends DeviceException {

    public DeviceUnsupportedException(String deviceId, int statusCode, String message) {
        super(deviceId, statusCode, message);
    }
}

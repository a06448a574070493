package io.github.gb28181.camel.device;

/**
 * The device did not answer in time: no SIP response, or no MANSCDP Response after accepting the query.
 */
public class DeviceTimeoutException extends DeviceException {

    public DeviceTimeoutException(String deviceId, String message) {
        super(deviceId, 408, message);
    }
}

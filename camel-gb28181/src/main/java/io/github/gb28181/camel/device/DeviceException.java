package io.github.gb28181.camel.device;

/**
 * A request to a device did not succeed. The subclasses say why; {@link #getStatusCode()} gives the SIP status
 * that best describes it, for callers that map failures to HTTP or SIP answers.
 */
public class DeviceException extends Exception {

    private final String deviceId;
    private final int statusCode;

    public DeviceException(String deviceId, int statusCode, String message) {
        super(message);
        this.deviceId = deviceId;
        this.statusCode = statusCode;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public int getStatusCode() {
        return statusCode;
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One position in a GB/T 28181-2022 MobilePosition notification ({@code DeviceList/Item}, A.2.1.14).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MobilePositionItem {

    private String deviceId;
    private String captureTime;
    private Double longitude;
    private Double latitude;
    private Double speed;
    private Double direction;
    private Double altitude;
    private Double height;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /** as sent */
    public String getCaptureTime() {
        return captureTime;
    }

    public void setCaptureTime(String captureTime) {
        this.captureTime = captureTime;
    }

    /** WGS-84 */
    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    /** WGS-84 */
    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    /** km/h */
    public Double getSpeed() {
        return speed;
    }

    public void setSpeed(Double speed) {
        this.speed = speed;
    }

    /** degrees clockwise from north */
    public Double getDirection() {
        return direction;
    }

    public void setDirection(Double direction) {
        this.direction = direction;
    }

    /** metres above sea level */
    public Double getAltitude() {
        return altitude;
    }

    public void setAltitude(Double altitude) {
        this.altitude = altitude;
    }

    /** metres above the ground */
    public Double getHeight() {
        return height;
    }

    public void setHeight(Double height) {
        this.height = height;
    }

    static MobilePositionItem read(XmlElement e) {
        if (e == null) {
            return null;
        }
        MobilePositionItem v = new MobilePositionItem();
        v.deviceId = e.string("DeviceID");
        v.captureTime = e.string("CaptureTime");
        v.longitude = e.decimal("Longitude");
        v.latitude = e.decimal("Latitude");
        v.speed = e.decimal("Speed");
        v.direction = e.decimal("Direction");
        v.altitude = e.decimal("Altitude");
        v.height = e.decimal("Height");
        return v;
    }

    void write(XmlElement e) {
        e.add("DeviceID", deviceId);
        e.add("CaptureTime", captureTime);
        e.add("Longitude", longitude);
        e.add("Latitude", latitude);
        e.add("Speed", speed);
        e.add("Direction", direction);
        e.add("Altitude", altitude);
        e.add("Height", height);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MobilePositionItem)) {
            return false;
        }
        MobilePositionItem other = (MobilePositionItem) o;
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(captureTime, other.captureTime)
                && Objects.equals(longitude, other.longitude)
                && Objects.equals(latitude, other.latitude)
                && Objects.equals(speed, other.speed)
                && Objects.equals(direction, other.direction)
                && Objects.equals(altitude, other.altitude)
                && Objects.equals(height, other.height);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, captureTime, longitude, latitude, speed, direction, altitude, height);
    }

    @Override
    public String toString() {
        return "MobilePositionItem{" + "deviceId=" + deviceId + ", " + "captureTime=" + captureTime + ", " + "longitude=" + longitude + ", " + "latitude=" + latitude + ", " + "speed=" + speed + ", " + "direction=" + direction + ", " + "altitude=" + altitude + ", " + "height=" + height + "}";
    }
}

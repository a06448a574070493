package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Duty state of one alarm input in a DeviceStatus response ({@code Alarmstatus/Item}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AlarmStatusItem {

    private String deviceId;
    private String dutyStatus;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /** ONDUTY, OFFDUTY or ALARM */
    public String getDutyStatus() {
        return dutyStatus;
    }

    public void setDutyStatus(String dutyStatus) {
        this.dutyStatus = dutyStatus;
    }

    static AlarmStatusItem read(XmlElement e) {
        if (e == null) {
            return null;
        }
        AlarmStatusItem v = new AlarmStatusItem();
        v.deviceId = e.string("DeviceID");
        v.dutyStatus = e.string("DutyStatus");
        return v;
    }

    void write(XmlElement e) {
        e.add("DeviceID", deviceId);
        e.add("DutyStatus", dutyStatus);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlarmStatusItem)) {
            return false;
        }
        AlarmStatusItem other = (AlarmStatusItem) o;
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(dutyStatus, other.dutyStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, dutyStatus);
    }

    @Override
    public String toString() {
        return "AlarmStatusItem{" + "deviceId=" + deviceId + ", " + "dutyStatus=" + dutyStatus + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Alarm raised by a device ({@code Notify/Alarm}). {@code Info/AlarmType} and {@code Info/AlarmTypeParam/EventType} are flattened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlarmNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "Alarm";

    private Integer alarmPriority;
    private String alarmMethod;
    private String alarmTime;
    private String alarmDescription;
    private Double longitude;
    private Double latitude;
    private Integer alarmType;
    private Integer eventType;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** 1 highest to 4 */
    public Integer getAlarmPriority() {
        return alarmPriority;
    }

    public void setAlarmPriority(Integer alarmPriority) {
        this.alarmPriority = alarmPriority;
    }

    /** 1 phone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other */
    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    /** as sent */
    public String getAlarmTime() {
        return alarmTime;
    }

    public void setAlarmTime(String alarmTime) {
        this.alarmTime = alarmTime;
    }

    public String getAlarmDescription() {
        return alarmDescription;
    }

    public void setAlarmDescription(String alarmDescription) {
        this.alarmDescription = alarmDescription;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Integer getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(Integer alarmType) {
        this.alarmType = alarmType;
    }

    public Integer getEventType() {
        return eventType;
    }

    public void setEventType(Integer eventType) {
        this.eventType = eventType;
    }

    @Override
    protected void readBody(XmlElement root) {
        alarmPriority = root.integer("AlarmPriority");
        alarmMethod = root.string("AlarmMethod");
        alarmTime = root.string("AlarmTime");
        alarmDescription = root.string("AlarmDescription");
        longitude = root.decimal("Longitude");
        latitude = root.decimal("Latitude");
        alarmType = root.integer("Info/AlarmType");
        eventType = root.integer("Info/AlarmTypeParam/EventType");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("AlarmPriority", alarmPriority);
        root.add("AlarmMethod", alarmMethod);
        root.add("AlarmTime", alarmTime);
        root.add("AlarmDescription", alarmDescription);
        root.add("Longitude", longitude);
        root.add("Latitude", latitude);
        root.add("Info/AlarmType", alarmType);
        root.add("Info/AlarmTypeParam/EventType", eventType);
    }
}

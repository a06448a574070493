package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Alarm subscription or search ({@code Query/Alarm}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlarmQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "Alarm";

    private Integer startAlarmPriority;
    private Integer endAlarmPriority;
    private String alarmMethod;
    private String alarmType;
    private String startAlarmTime;
    private String endAlarmTime;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public Integer getStartAlarmPriority() {
        return startAlarmPriority;
    }

    public void setStartAlarmPriority(Integer startAlarmPriority) {
        this.startAlarmPriority = startAlarmPriority;
    }

    public Integer getEndAlarmPriority() {
        return endAlarmPriority;
    }

    public void setEndAlarmPriority(Integer endAlarmPriority) {
        this.endAlarmPriority = endAlarmPriority;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    public String getStartAlarmTime() {
        return startAlarmTime;
    }

    public void setStartAlarmTime(String startAlarmTime) {
        this.startAlarmTime = startAlarmTime;
    }

    public String getEndAlarmTime() {
        return endAlarmTime;
    }

    public void setEndAlarmTime(String endAlarmTime) {
        this.endAlarmTime = endAlarmTime;
    }

    @Override
    protected void readBody(XmlElement root) {
        startAlarmPriority = root.integer("StartAlarmPriority");
        endAlarmPriority = root.integer("EndAlarmPriority");
        alarmMethod = root.string("AlarmMethod");
        alarmType = root.string("AlarmType");
        startAlarmTime = root.string("StartAlarmTime");
        endAlarmTime = root.string("EndAlarmTime");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("StartAlarmPriority", startAlarmPriority);
        root.add("EndAlarmPriority", endAlarmPriority);
        root.add("AlarmMethod", alarmMethod);
        root.add("AlarmType", alarmType);
        root.add("StartAlarmTime", startAlarmTime);
        root.add("EndAlarmTime", endAlarmTime);
    }
}

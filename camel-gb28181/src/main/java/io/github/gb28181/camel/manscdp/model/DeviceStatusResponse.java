package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a DeviceStatus query ({@code Response/DeviceStatus}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceStatusResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceStatus";

    private String result;
    private String online;
    private String status;
    private String reason;
    private String encode;
    private String record;
    private String deviceTime;
    private List<AlarmStatusItem> alarmStatus = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised; the raw spelling stays in {@link #getResult()}. */
    public StatusFlag getResultFlag() {
        return result == null ? null : StatusFlag.of(result);
    }

    /** ONLINE or OFFLINE, as sent */
    public String getOnline() {
        return online;
    }

    public void setOnline(String online) {
        this.online = online;
    }

    /** {@code Online} normalised; the raw spelling stays in {@link #getOnline()}. */
    public StatusFlag getOnlineFlag() {
        return online == null ? null : StatusFlag.of(online);
    }

    /** OK or ERROR, as sent */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Status} normalised; the raw spelling stays in {@link #getStatus()}. */
    public StatusFlag getStatusFlag() {
        return status == null ? null : StatusFlag.of(status);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** ON or OFF, as sent */
    public String getEncode() {
        return encode;
    }

    public void setEncode(String encode) {
        this.encode = encode;
    }

    /** {@code Encode} normalised; the raw spelling stays in {@link #getEncode()}. */
    public StatusFlag getEncodeFlag() {
        return encode == null ? null : StatusFlag.of(encode);
    }

    /** ON or OFF, as sent */
    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    /** {@code Record} normalised; the raw spelling stays in {@link #getRecord()}. */
    public StatusFlag getRecordFlag() {
        return record == null ? null : StatusFlag.of(record);
    }

    /** as sent */
    public String getDeviceTime() {
        return deviceTime;
    }

    public void setDeviceTime(String deviceTime) {
        this.deviceTime = deviceTime;
    }

    public List<AlarmStatusItem> getAlarmStatus() {
        return alarmStatus;
    }

    public void setAlarmStatus(List<AlarmStatusItem> alarmStatus) {
        this.alarmStatus = alarmStatus == null ? new ArrayList<>() : new ArrayList<>(alarmStatus);
    }

    @Override
    protected void readBody(XmlElement root) {
        result = root.string("Result");
        online = root.string("Online");
        status = root.string("Status");
        reason = root.string("Reason");
        encode = root.string("Encode");
        record = root.string("Record");
        deviceTime = root.string("DeviceTime");
        alarmStatus = new ArrayList<>();
        for (XmlElement e : root.children("Alarmstatus/Item")) {
            alarmStatus.add(AlarmStatusItem.read(e));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Result", result);
        root.add("Online", online);
        root.add("Status", status);
        root.add("Reason", reason);
        root.add("Encode", encode);
        root.add("Record", record);
        root.add("DeviceTime", deviceTime);
        if (!alarmStatus.isEmpty()) {
            XmlElement list = root.addChild("Alarmstatus");
            list.setAttribute("Num", alarmStatus.size());
            for (AlarmStatusItem item : alarmStatus) {
                item.write(list.addChild("Item"));
            }
        }
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Recording search ({@code Query/RecordInfo}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecordInfoQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "RecordInfo";

    private String startTime;
    private String endTime;
    private String filePath;
    private String address;
    private Integer secrecy;
    private String type;
    private String recorderId;
    private Integer indistinctQuery;
    private Integer streamNumber;
    private String alarmMethod;
    private String alarmType;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    /** time, alarm, manual or all */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRecorderId() {
        return recorderId;
    }

    public void setRecorderId(String recorderId) {
        this.recorderId = recorderId;
    }

    public Integer getIndistinctQuery() {
        return indistinctQuery;
    }

    public void setIndistinctQuery(Integer indistinctQuery) {
        this.indistinctQuery = indistinctQuery;
    }

    /** GB/T 28181-2022: only recordings of this stream, 0 main, 1 first sub-stream... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    /** GB/T 28181-2022: only alarm recordings of these alarm methods, 0 all, or several joined by / */
    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    /** GB/T 28181-2022: only alarm recordings of this alarm type, within the alarm method */
    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    @Override
    protected void readBody(XmlElement root) {
        startTime = root.string("StartTime");
        endTime = root.string("EndTime");
        filePath = root.string("FilePath");
        address = root.string("Address");
        secrecy = root.integer("Secrecy");
        type = root.string("Type");
        recorderId = root.string("RecorderID");
        indistinctQuery = root.integer("IndistinctQuery");
        streamNumber = root.integer("StreamNumber");
        alarmMethod = root.string("AlarmMethod");
        alarmType = root.string("AlarmType");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("StartTime", startTime);
        root.add("EndTime", endTime);
        root.add("FilePath", filePath);
        root.add("Address", address);
        root.add("Secrecy", secrecy);
        root.add("Type", type);
        root.add("RecorderID", recorderId);
        root.add("IndistinctQuery", indistinctQuery);
        root.add("StreamNumber", streamNumber);
        root.add("AlarmMethod", alarmMethod);
        root.add("AlarmType", alarmType);
    }
}

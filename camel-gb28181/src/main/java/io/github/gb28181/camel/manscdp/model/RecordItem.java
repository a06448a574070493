package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One recording in a RecordInfo response ({@code RecordList/Item}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RecordItem {

    private String deviceId;
    private String name;
    private String filePath;
    private String address;
    private String startTime;
    private String endTime;
    private Integer secrecy;
    private String type;
    private String recorderId;
    private Long fileSize;
    private String recordLocation;
    private Integer streamNumber;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    /** GB/T 28181-2022: the device or system that stores the file (required in an indistinct query's answer) */
    public String getRecordLocation() {
        return recordLocation;
    }

    public void setRecordLocation(String recordLocation) {
        this.recordLocation = recordLocation;
    }

    /** GB/T 28181-2022: the stream recorded, 0 main, 1 first sub-stream... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    static RecordItem read(XmlElement e) {
        if (e == null) {
            return null;
        }
        RecordItem v = new RecordItem();
        v.deviceId = e.string("DeviceID");
        v.name = e.string("Name");
        v.filePath = e.string("FilePath");
        v.address = e.string("Address");
        v.startTime = e.string("StartTime");
        v.endTime = e.string("EndTime");
        v.secrecy = e.integer("Secrecy");
        v.type = e.string("Type");
        v.recorderId = e.string("RecorderID");
        v.fileSize = e.longValue("FileSize");
        v.recordLocation = e.string("RecordLocation");
        v.streamNumber = e.integer("StreamNumber");
        return v;
    }

    void write(XmlElement e) {
        e.add("DeviceID", deviceId);
        e.add("Name", name);
        e.add("FilePath", filePath);
        e.add("Address", address);
        e.add("StartTime", startTime);
        e.add("EndTime", endTime);
        e.add("Secrecy", secrecy);
        e.add("Type", type);
        e.add("RecorderID", recorderId);
        e.add("FileSize", fileSize);
        e.add("RecordLocation", recordLocation);
        e.add("StreamNumber", streamNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordItem)) {
            return false;
        }
        RecordItem other = (RecordItem) o;
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(name, other.name)
                && Objects.equals(filePath, other.filePath)
                && Objects.equals(address, other.address)
                && Objects.equals(startTime, other.startTime)
                && Objects.equals(endTime, other.endTime)
                && Objects.equals(secrecy, other.secrecy)
                && Objects.equals(type, other.type)
                && Objects.equals(recorderId, other.recorderId)
                && Objects.equals(fileSize, other.fileSize)
                && Objects.equals(recordLocation, other.recordLocation)
                && Objects.equals(streamNumber, other.streamNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, name, filePath, address, startTime, endTime, secrecy, type, recorderId, fileSize, recordLocation, streamNumber);
    }

    @Override
    public String toString() {
        return "RecordItem{" + "deviceId=" + deviceId + ", " + "name=" + name + ", " + "filePath=" + filePath + ", " + "address=" + address + ", " + "startTime=" + startTime + ", " + "endTime=" + endTime + ", " + "secrecy=" + secrecy + ", " + "type=" + type + ", " + "recorderId=" + recorderId + ", " + "fileSize=" + fileSize + ", " + "recordLocation=" + recordLocation + ", " + "streamNumber=" + streamNumber + "}";
    }
}

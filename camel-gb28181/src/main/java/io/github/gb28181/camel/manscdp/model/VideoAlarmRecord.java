package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Recording on alarm ({@code <VideoAlarmRecord>}, GB/T 28181-2022 A.2.1.16).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoAlarmRecord {

    private Integer recordEnable;
    private Integer recordTime;
    private Integer preRecordTime;
    private Integer streamNumber;

    /** 1 on, 0 off */
    public Integer getRecordEnable() {
        return recordEnable;
    }

    public void setRecordEnable(Integer recordEnable) {
        this.recordEnable = recordEnable;
    }

    /** seconds recorded after the alarm */
    public Integer getRecordTime() {
        return recordTime;
    }

    public void setRecordTime(Integer recordTime) {
        this.recordTime = recordTime;
    }

    /** seconds recorded before the alarm */
    public Integer getPreRecordTime() {
        return preRecordTime;
    }

    public void setPreRecordTime(Integer preRecordTime) {
        this.preRecordTime = preRecordTime;
    }

    /** the stream recorded: 0 main, 1 first sub-stream... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    static VideoAlarmRecord read(XmlElement e) {
        if (e == null) {
            return null;
        }
        VideoAlarmRecord v = new VideoAlarmRecord();
        v.recordEnable = e.integer("RecordEnable");
        v.recordTime = e.integer("RecordTime");
        v.preRecordTime = e.integer("PreRecordTime");
        v.streamNumber = e.integer("StreamNumber");
        return v;
    }

    void write(XmlElement e) {
        e.add("RecordEnable", recordEnable);
        e.add("RecordTime", recordTime);
        e.add("PreRecordTime", preRecordTime);
        e.add("StreamNumber", streamNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoAlarmRecord)) {
            return false;
        }
        VideoAlarmRecord other = (VideoAlarmRecord) o;
        return Objects.equals(recordEnable, other.recordEnable)
                && Objects.equals(recordTime, other.recordTime)
                && Objects.equals(preRecordTime, other.preRecordTime)
                && Objects.equals(streamNumber, other.streamNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordEnable, recordTime, preRecordTime, streamNumber);
    }

    @Override
    public String toString() {
        return "VideoAlarmRecord{" + "recordEnable=" + recordEnable + ", " + "recordTime=" + recordTime + ", " + "preRecordTime=" + preRecordTime + ", " + "streamNumber=" + streamNumber + "}";
    }
}

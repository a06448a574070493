package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scheduled recording ({@code <VideoRecordPlan>}, GB/T 28181-2022 A.2.1.15): up to 8 periods a day for each day of
 * the week.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoRecordPlan {

    private Integer recordEnable;
    private Integer recordScheduleSumNum;
    private List<RecordSchedule> recordSchedules = new ArrayList<>();
    private Integer streamNumber;

    /** 1 on, 0 off */
    public Integer getRecordEnable() {
        return recordEnable;
    }

    public void setRecordEnable(Integer recordEnable) {
        this.recordEnable = recordEnable;
    }

    /** how many days have a schedule */
    public Integer getRecordScheduleSumNum() {
        return recordScheduleSumNum;
    }

    public void setRecordScheduleSumNum(Integer recordScheduleSumNum) {
        this.recordScheduleSumNum = recordScheduleSumNum;
    }

    public List<RecordSchedule> getRecordSchedules() {
        return recordSchedules;
    }

    public void setRecordSchedules(List<RecordSchedule> recordSchedules) {
        this.recordSchedules = recordSchedules == null ? new ArrayList<>() : new ArrayList<>(recordSchedules);
    }

    /** the stream recorded: 0 main, 1 first sub-stream... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    static VideoRecordPlan read(XmlElement e) {
        if (e == null) {
            return null;
        }
        VideoRecordPlan v = new VideoRecordPlan();
        v.recordEnable = e.integer("RecordEnable");
        v.recordScheduleSumNum = e.integer("RecordScheduleSumNum");
        v.recordSchedules = new ArrayList<>();
        for (XmlElement c : e.children("RecordSchedule")) {
            v.recordSchedules.add(RecordSchedule.read(c));
        }
        v.streamNumber = e.integer("StreamNumber");
        return v;
    }

    void write(XmlElement e) {
        e.add("RecordEnable", recordEnable);
        e.add("RecordScheduleSumNum", recordScheduleSumNum);
        for (RecordSchedule item : recordSchedules) {
            item.write(e.addChild("RecordSchedule"));
        }
        e.add("StreamNumber", streamNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoRecordPlan)) {
            return false;
        }
        VideoRecordPlan other = (VideoRecordPlan) o;
        return Objects.equals(recordEnable, other.recordEnable)
                && Objects.equals(recordScheduleSumNum, other.recordScheduleSumNum)
                && Objects.equals(recordSchedules, other.recordSchedules)
                && Objects.equals(streamNumber, other.streamNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordEnable, recordScheduleSumNum, recordSchedules, streamNumber);
    }

    @Override
    public String toString() {
        return "VideoRecordPlan{" + "recordEnable=" + recordEnable + ", " + "recordScheduleSumNum=" + recordScheduleSumNum + ", " + "recordSchedules=" + recordSchedules + ", " + "streamNumber=" + streamNumber + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recording periods of one weekday ({@code VideoRecordPlan/RecordSchedule}, GB/T 28181-2022 A.2.1.15).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RecordSchedule {

    private Integer weekDayNum;
    private Integer timeSegmentSumNum;
    private List<TimeSegment> timeSegments = new ArrayList<>();

    /** 1 Monday to 7 Sunday */
    public Integer getWeekDayNum() {
        return weekDayNum;
    }

    public void setWeekDayNum(Integer weekDayNum) {
        this.weekDayNum = weekDayNum;
    }

    /** how many periods, at most 8 */
    public Integer getTimeSegmentSumNum() {
        return timeSegmentSumNum;
    }

    public void setTimeSegmentSumNum(Integer timeSegmentSumNum) {
        this.timeSegmentSumNum = timeSegmentSumNum;
    }

    public List<TimeSegment> getTimeSegments() {
        return timeSegments;
    }

    public void setTimeSegments(List<TimeSegment> timeSegments) {
        this.timeSegments = timeSegments == null ? new ArrayList<>() : new ArrayList<>(timeSegments);
    }

    static RecordSchedule read(XmlElement e) {
        if (e == null) {
            return null;
        }
        RecordSchedule v = new RecordSchedule();
        v.weekDayNum = e.integer("WeekDayNum");
        v.timeSegmentSumNum = e.integer("TimeSegmentSumNum");
        v.timeSegments = new ArrayList<>();
        for (XmlElement c : e.children("TimeSegment")) {
            v.timeSegments.add(TimeSegment.read(c));
        }
        return v;
    }

    void write(XmlElement e) {
        e.add("WeekDayNum", weekDayNum);
        e.add("TimeSegmentSumNum", timeSegmentSumNum);
        for (TimeSegment item : timeSegments) {
            item.write(e.addChild("TimeSegment"));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordSchedule)) {
            return false;
        }
        RecordSchedule other = (RecordSchedule) o;
        return Objects.equals(weekDayNum, other.weekDayNum)
                && Objects.equals(timeSegmentSumNum, other.timeSegmentSumNum)
                && Objects.equals(timeSegments, other.timeSegments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekDayNum, timeSegmentSumNum, timeSegments);
    }

    @Override
    public String toString() {
        return "RecordSchedule{" + "weekDayNum=" + weekDayNum + ", " + "timeSegmentSumNum=" + timeSegmentSumNum + ", " + "timeSegments=" + timeSegments + "}";
    }
}

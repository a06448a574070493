package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One recording period of a day ({@code RecordSchedule/TimeSegment}, GB/T 28181-2022 A.2.1.15).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TimeSegment {

    private Integer startHour;
    private Integer startMin;
    private Integer startSec;
    private Integer stopHour;
    private Integer stopMin;
    private Integer stopSec;

    /** 0 to 23 */
    public Integer getStartHour() {
        return startHour;
    }

    public void setStartHour(Integer startHour) {
        this.startHour = startHour;
    }

    /** 0 to 59 */
    public Integer getStartMin() {
        return startMin;
    }

    public void setStartMin(Integer startMin) {
        this.startMin = startMin;
    }

    /** 0 to 59 */
    public Integer getStartSec() {
        return startSec;
    }

    public void setStartSec(Integer startSec) {
        this.startSec = startSec;
    }

    /** 0 to 23 */
    public Integer getStopHour() {
        return stopHour;
    }

    public void setStopHour(Integer stopHour) {
        this.stopHour = stopHour;
    }

    /** 0 to 59 */
    public Integer getStopMin() {
        return stopMin;
    }

    public void setStopMin(Integer stopMin) {
        this.stopMin = stopMin;
    }

    /** 0 to 59 */
    public Integer getStopSec() {
        return stopSec;
    }

    public void setStopSec(Integer stopSec) {
        this.stopSec = stopSec;
    }

    static TimeSegment read(XmlElement e) {
        if (e == null) {
            return null;
        }
        TimeSegment v = new TimeSegment();
        v.startHour = e.integer("StartHour");
        v.startMin = e.integer("StartMin");
        v.startSec = e.integer("StartSec");
        v.stopHour = e.integer("StopHour");
        v.stopMin = e.integer("StopMin");
        v.stopSec = e.integer("StopSec");
        return v;
    }

    void write(XmlElement e) {
        e.add("StartHour", startHour);
        e.add("StartMin", startMin);
        e.add("StartSec", startSec);
        e.add("StopHour", stopHour);
        e.add("StopMin", stopMin);
        e.add("StopSec", stopSec);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimeSegment)) {
            return false;
        }
        TimeSegment other = (TimeSegment) o;
        return Objects.equals(startHour, other.startHour)
                && Objects.equals(startMin, other.startMin)
                && Objects.equals(startSec, other.startSec)
                && Objects.equals(stopHour, other.stopHour)
                && Objects.equals(stopMin, other.stopMin)
                && Objects.equals(stopSec, other.stopSec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startHour, startMin, startSec, stopHour, stopMin, stopSec);
    }

    @Override
    public String toString() {
        return "TimeSegment{" + "startHour=" + startHour + ", " + "startMin=" + startMin + ", " + "startSec=" + startSec + ", " + "stopHour=" + stopHour + ", " + "stopMin=" + stopMin + ", " + "stopSec=" + stopSec + "}";
    }
}

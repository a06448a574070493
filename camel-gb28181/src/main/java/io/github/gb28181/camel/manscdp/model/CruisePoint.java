package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One stop of a cruise track ({@code CruisePointList/CruisePoint}, GB/T 28181-2022 A.2.6.14).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CruisePoint {

    private Integer presetIndex;
    private Integer stayTime;
    private Integer speed;

    public Integer getPresetIndex() {
        return presetIndex;
    }

    public void setPresetIndex(Integer presetIndex) {
        this.presetIndex = presetIndex;
    }

    /** seconds at the preset */
    public Integer getStayTime() {
        return stayTime;
    }

    public void setStayTime(Integer stayTime) {
        this.stayTime = stayTime;
    }

    /** PTZ speed, 1 to 15 */
    public Integer getSpeed() {
        return speed;
    }

    public void setSpeed(Integer speed) {
        this.speed = speed;
    }

    static CruisePoint read(XmlElement e) {
        if (e == null) {
            return null;
        }
        CruisePoint v = new CruisePoint();
        v.presetIndex = e.integer("PresetIndex");
        v.stayTime = e.integer("StayTime");
        v.speed = e.integer("Speed");
        return v;
    }

    void write(XmlElement e) {
        e.add("PresetIndex", presetIndex);
        e.add("StayTime", stayTime);
        e.add("Speed", speed);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruisePoint)) {
            return false;
        }
        CruisePoint other = (CruisePoint) o;
        return Objects.equals(presetIndex, other.presetIndex)
                && Objects.equals(stayTime, other.stayTime)
                && Objects.equals(speed, other.speed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presetIndex, stayTime, speed);
    }

    @Override
    public String toString() {
        return "CruisePoint{" + "presetIndex=" + presetIndex + ", " + "stayTime=" + stayTime + ", " + "speed=" + speed + "}";
    }
}

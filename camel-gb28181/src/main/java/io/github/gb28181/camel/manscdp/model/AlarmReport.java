package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Which detections a device reports as alarms ({@code <AlarmReport>}, GB/T 28181-2022 A.2.1.18).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AlarmReport {

    private Integer motionDetection;
    private Integer fieldDetection;

    /** 1 report motion detection, 0 not */
    public Integer getMotionDetection() {
        return motionDetection;
    }

    public void setMotionDetection(Integer motionDetection) {
        this.motionDetection = motionDetection;
    }

    /** 1 report area intrusion, 0 not */
    public Integer getFieldDetection() {
        return fieldDetection;
    }

    public void setFieldDetection(Integer fieldDetection) {
        this.fieldDetection = fieldDetection;
    }

    static AlarmReport read(XmlElement e) {
        if (e == null) {
            return null;
        }
        AlarmReport v = new AlarmReport();
        v.motionDetection = e.integer("MotionDetection");
        v.fieldDetection = e.integer("FieldDetection");
        return v;
    }

    void write(XmlElement e) {
        e.add("MotionDetection", motionDetection);
        e.add("FieldDetection", fieldDetection);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlarmReport)) {
            return false;
        }
        AlarmReport other = (AlarmReport) o;
        return Objects.equals(motionDetection, other.motionDetection)
                && Objects.equals(fieldDetection, other.fieldDetection);
    }

    @Override
    public int hashCode() {
        return Objects.hash(motionDetection, fieldDetection);
    }

    @Override
    public String toString() {
        return "AlarmReport{" + "motionDetection=" + motionDetection + ", " + "fieldDetection=" + fieldDetection + "}";
    }
}

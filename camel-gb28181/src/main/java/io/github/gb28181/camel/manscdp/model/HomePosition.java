package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Home ("guard") position control.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class HomePosition {

    private Integer enabled;
    private Integer resetTime;
    private Integer presetIndex;

    /** 1 on, 0 off */
    public Integer getEnabled() {
        return enabled;
    }

    public void setEnabled(Integer enabled) {
        this.enabled = enabled;
    }

    /** seconds before returning home */
    public Integer getResetTime() {
        return resetTime;
    }

    public void setResetTime(Integer resetTime) {
        this.resetTime = resetTime;
    }

    public Integer getPresetIndex() {
        return presetIndex;
    }

    public void setPresetIndex(Integer presetIndex) {
        this.presetIndex = presetIndex;
    }

    static HomePosition read(XmlElement e) {
        if (e == null) {
            return null;
        }
        HomePosition v = new HomePosition();
        v.enabled = e.integer("Enabled");
        v.resetTime = e.integer("ResetTime");
        v.presetIndex = e.integer("PresetIndex");
        return v;
    }

    void write(XmlElement e) {
        e.add("Enabled", enabled);
        e.add("ResetTime", resetTime);
        e.add("PresetIndex", presetIndex);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HomePosition)) {
            return false;
        }
        HomePosition other = (HomePosition) o;
        return Objects.equals(enabled, other.enabled)
                && Objects.equals(resetTime, other.resetTime)
                && Objects.equals(presetIndex, other.presetIndex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, resetTime, presetIndex);
    }

    @Override
    public String toString() {
        return "HomePosition{" + "enabled=" + enabled + ", " + "resetTime=" + resetTime + ", " + "presetIndex=" + presetIndex + "}";
    }
}

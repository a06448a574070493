package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Names that go with a PTZCmd ({@code <PTZCmdParams>}, GB/T 28181-2022 A.2.3.1.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PtzCmdParams {

    private String presetName;
    private String cruiseTrackName;

    /** the name of a preset being set */
    public String getPresetName() {
        return presetName;
    }

    public void setPresetName(String presetName) {
        this.presetName = presetName;
    }

    /** the name of a cruise track, at most 32 bytes */
    public String getCruiseTrackName() {
        return cruiseTrackName;
    }

    public void setCruiseTrackName(String cruiseTrackName) {
        this.cruiseTrackName = cruiseTrackName;
    }

    static PtzCmdParams read(XmlElement e) {
        if (e == null) {
            return null;
        }
        PtzCmdParams v = new PtzCmdParams();
        v.presetName = e.string("PresetName");
        v.cruiseTrackName = e.string("CruiseTrackName");
        return v;
    }

    void write(XmlElement e) {
        e.add("PresetName", presetName);
        e.add("CruiseTrackName", cruiseTrackName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PtzCmdParams)) {
            return false;
        }
        PtzCmdParams other = (PtzCmdParams) o;
        return Objects.equals(presetName, other.presetName)
                && Objects.equals(cruiseTrackName, other.cruiseTrackName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presetName, cruiseTrackName);
    }

    @Override
    public String toString() {
        return "PtzCmdParams{" + "presetName=" + presetName + ", " + "cruiseTrackName=" + cruiseTrackName + "}";
    }
}

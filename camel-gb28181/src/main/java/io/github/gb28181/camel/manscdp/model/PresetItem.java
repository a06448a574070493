package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One preset in a PresetQuery response ({@code PresetList/Item}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PresetItem {

    private String presetId;
    private String presetName;

    public String getPresetId() {
        return presetId;
    }

    public void setPresetId(String presetId) {
        this.presetId = presetId;
    }

    public String getPresetName() {
        return presetName;
    }

    public void setPresetName(String presetName) {
        this.presetName = presetName;
    }

    static PresetItem read(XmlElement e) {
        if (e == null) {
            return null;
        }
        PresetItem v = new PresetItem();
        v.presetId = e.string("PresetID");
        v.presetName = e.string("PresetName");
        return v;
    }

    void write(XmlElement e) {
        e.add("PresetID", presetId);
        e.add("PresetName", presetName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PresetItem)) {
            return false;
        }
        PresetItem other = (PresetItem) o;
        return Objects.equals(presetId, other.presetId)
                && Objects.equals(presetName, other.presetName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presetId, presetName);
    }

    @Override
    public String toString() {
        return "PresetItem{" + "presetId=" + presetId + ", " + "presetName=" + presetName + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a PresetQuery ({@code Response/PresetQuery}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PresetQueryResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "PresetQuery";

    private Integer sumNum;
    private List<PresetItem> presets = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** GB/T 28181-2022: the number of presets */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public List<PresetItem> getPresets() {
        return presets;
    }

    public void setPresets(List<PresetItem> presets) {
        this.presets = presets == null ? new ArrayList<>() : new ArrayList<>(presets);
    }

    @Override
    protected void readBody(XmlElement root) {
        sumNum = root.integer("SumNum");
        presets = new ArrayList<>();
        for (XmlElement e : root.children("PresetList/Item")) {
            presets.add(PresetItem.read(e));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SumNum", sumNum);
        {
            XmlElement list = root.addChild("PresetList");
            list.setAttribute("Num", presets.size());
            for (PresetItem item : presets) {
                item.write(list.addChild("Item"));
            }
        }
    }
}

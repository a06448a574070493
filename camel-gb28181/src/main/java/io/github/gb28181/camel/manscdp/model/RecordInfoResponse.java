package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a RecordInfo query ({@code Response/RecordInfo}), usually split over several MESSAGEs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecordInfoResponse extends ManscdpMessage implements MultiPart<RecordItem> {

    public static final String CMD_TYPE = "RecordInfo";

    private String name;
    private Integer sumNum;
    private List<RecordItem> items = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public List<RecordItem> getItems() {
        return items;
    }

    public void setItems(List<RecordItem> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    /** Record items have no identifier of their own: a retransmission is recognised by identical content. */
    @Override
    public Object dedupKey(RecordItem item) {
        return item;
    }

    @Override
    public RecordInfoResponse withItems(List<RecordItem> newItems) {
        RecordInfoResponse copy = new RecordInfoResponse();
        copyHeaderTo(copy);
        copy.setName(name);
        copy.setSumNum(sumNum);
        copy.setItems(newItems);
        return copy;
    }

    @Override
    protected void readBody(XmlElement root) {
        name = root.string("Name");
        sumNum = root.integer("SumNum");
        items = new ArrayList<>();
        for (XmlElement e : root.children("RecordList/Item")) {
            items.add(RecordItem.read(e));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Name", name);
        root.add("SumNum", sumNum);
        // GB/T 28181-2022 Annex M: an answer with no recordings is SumNum 0 without a list
        if (!items.isEmpty() || sumNum == null || sumNum != 0) {
            XmlElement list = root.addChild("RecordList");
            list.setAttribute("Num", items.size());
            for (RecordItem item : items) {
                item.write(list.addChild("Item"));
            }
        }
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog change notification for a subscription ({@code Notify/Catalog}); each item carries an Event. May span several MESSAGEs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CatalogNotify extends ManscdpMessage implements MultiPart<CatalogItem> {

    public static final String CMD_TYPE = "Catalog";

    private Integer sumNum;
    private List<CatalogItem> items = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public List<CatalogItem> getItems() {
        return items;
    }

    public void setItems(List<CatalogItem> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    @Override
    public Object dedupKey(CatalogItem item) {
        return item.getDeviceId() != null ? item.getDeviceId() + "|" + item.getEvent() : item;
    }

    @Override
    public CatalogNotify withItems(List<CatalogItem> newItems) {
        CatalogNotify copy = new CatalogNotify();
        copyHeaderTo(copy);
        copy.setSumNum(sumNum);
        copy.setItems(newItems);
        return copy;
    }

    @Override
    protected void readBody(XmlElement root) {
        sumNum = root.integer("SumNum");
        items = new ArrayList<>();
        for (XmlElement e : root.children("DeviceList/Item")) {
            items.add(CatalogItem.read(e));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SumNum", sumNum);
        {
            XmlElement list = root.addChild("DeviceList");
            list.setAttribute("Num", items.size());
            for (CatalogItem item : items) {
                item.write(list.addChild("Item"));
            }
        }
    }
}

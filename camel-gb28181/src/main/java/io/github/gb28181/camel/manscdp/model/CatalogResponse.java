package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a Catalog query ({@code Response/Catalog}), possibly one of several parts. The same
 * document type, with only {@code Result}, is the platform's reply to a Catalog notification.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CatalogResponse extends ManscdpMessage implements MultiPart<CatalogItem> {

    public static final String CMD_TYPE = "Catalog";

    private Integer sumNum;
    private List<CatalogItem> items = new ArrayList<>();
    private String result;

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
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

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised; the raw spelling stays in {@link #getResult()}. */
    public StatusFlag getResultFlag() {
        return result == null ? null : StatusFlag.of(result);
    }

    @Override
    public Object dedupKey(CatalogItem item) {
        return item.getDeviceId() != null ? item.getDeviceId() : item;
    }

    @Override
    public CatalogResponse withItems(List<CatalogItem> newItems) {
        CatalogResponse copy = new CatalogResponse();
        copyHeaderTo(copy);
        copy.setSumNum(sumNum);
        copy.setResult(result);
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
        result = root.string("Result");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SumNum", sumNum);
        // a query answer carries its list; a bare Result reply carries none, and nor does an answer with nothing to
        // report: GB/T 28181-2022 Annex M wants SumNum 0 without a list
        if (!items.isEmpty() || sumNum != null && sumNum != 0) {
            XmlElement list = root.addChild("DeviceList");
            list.setAttribute("Num", items.size());
            for (CatalogItem item : items) {
                item.write(list.addChild("Item"));
            }
        }
        root.add("Result", result);
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to an SDCardStatus query ({@code Response/SDCardStatus}, GB/T 28181-2022 A.2.6.16).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SdCardStatusResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "SDCardStatus";

    private Integer sumNum;
    private List<SdCardInfo> cards = new ArrayList<>();

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

    public List<SdCardInfo> getCards() {
        return cards;
    }

    public void setCards(List<SdCardInfo> cards) {
        this.cards = cards == null ? new ArrayList<>() : new ArrayList<>(cards);
    }

    @Override
    protected void readBody(XmlElement root) {
        sumNum = root.integer("SumNum");
        cards = new ArrayList<>();
        for (XmlElement c : root.children("SDCardStatusInfo/Item")) {
            cards.add(SdCardInfo.read(c));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SumNum", sumNum);
        {
            XmlElement list = root.addChild("SDCardStatusInfo");
            list.setAttribute("Num", cards.size());
            for (SdCardInfo item : cards) {
                item.write(list.addChild("Item"));
            }
        }
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a CruiseTrackQuery ({@code Response/CruiseTrackQuery}, GB/T 28181-2022 A.2.6.14).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CruiseTrackResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "CruiseTrackQuery";

    private Integer number;
    private String name;
    private Integer sumNum;
    private List<CruisePoint> cruisePoints = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
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

    public List<CruisePoint> getCruisePoints() {
        return cruisePoints;
    }

    public void setCruisePoints(List<CruisePoint> cruisePoints) {
        this.cruisePoints = cruisePoints == null ? new ArrayList<>() : new ArrayList<>(cruisePoints);
    }

    @Override
    protected void readBody(XmlElement root) {
        number = root.integer("Number");
        name = root.string("Name");
        sumNum = root.integer("SumNum");
        cruisePoints = new ArrayList<>();
        for (XmlElement c : root.children("CruisePointList/CruisePoint")) {
            cruisePoints.add(CruisePoint.read(c));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Number", number);
        root.add("Name", name);
        root.add("SumNum", sumNum);
        {
            XmlElement list = root.addChild("CruisePointList");
            list.setAttribute("Num", cruisePoints.size());
            for (CruisePoint item : cruisePoints) {
                item.write(list.addChild("CruisePoint"));
            }
        }
    }
}

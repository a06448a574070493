package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer to a CruiseTrackListQuery ({@code Response/CruiseTrackListQuery}, GB/T 28181-2022 A.2.6.13).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CruiseTrackListResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "CruiseTrackListQuery";

    private Integer sumNum;
    private List<CruiseTrack> cruiseTracks = new ArrayList<>();

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

    public List<CruiseTrack> getCruiseTracks() {
        return cruiseTracks;
    }

    public void setCruiseTracks(List<CruiseTrack> cruiseTracks) {
        this.cruiseTracks = cruiseTracks == null ? new ArrayList<>() : new ArrayList<>(cruiseTracks);
    }

    @Override
    protected void readBody(XmlElement root) {
        sumNum = root.integer("SumNum");
        cruiseTracks = new ArrayList<>();
        for (XmlElement c : root.children("CruiseTrackList/CruiseTrack")) {
            cruiseTracks.add(CruiseTrack.read(c));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SumNum", sumNum);
        {
            XmlElement list = root.addChild("CruiseTrackList");
            list.setAttribute("Num", cruiseTracks.size());
            for (CruiseTrack item : cruiseTracks) {
                item.write(list.addChild("CruiseTrack"));
            }
        }
    }
}

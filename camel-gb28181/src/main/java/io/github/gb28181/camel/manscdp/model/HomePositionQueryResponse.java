package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Answer to a HomePositionQuery ({@code Response/HomePositionQuery}, GB/T 28181-2022 A.2.6.12).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HomePositionQueryResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "HomePositionQuery";

    private HomePosition homePosition;

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public HomePosition getHomePosition() {
        return homePosition;
    }

    public void setHomePosition(HomePosition homePosition) {
        this.homePosition = homePosition;
    }

    @Override
    protected void readBody(XmlElement root) {
        homePosition = HomePosition.read(root.child("HomePosition"));
    }

    @Override
    protected void writeBody(XmlElement root) {
        if (homePosition != null) {
            homePosition.write(root.addChild("HomePosition"));
        }
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Query of one cruise track's stops ({@code Query/CruiseTrackQuery}, GB/T 28181-2022 A.2.4.12).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CruiseTrackQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "CruiseTrackQuery";

    private Integer number;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** the track: 0 the first, 1 the second... */
    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    @Override
    protected void readBody(XmlElement root) {
        number = root.integer("Number");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Number", number);
    }
}

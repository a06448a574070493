package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Mobile position subscription query ({@code Query/MobilePosition}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MobilePositionQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "MobilePosition";

    private Integer interval;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** seconds between reports */
    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    @Override
    protected void readBody(XmlElement root) {
        interval = root.integer("Interval");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Interval", interval);
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Catalog query ({@code Query/Catalog}); the optional time range asks for changes only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CatalogQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "Catalog";

    private String startTime;
    private String endTime;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    @Override
    protected void readBody(XmlElement root) {
        startTime = root.string("StartTime");
        endTime = root.string("EndTime");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("StartTime", startTime);
        root.add("EndTime", endTime);
    }
}

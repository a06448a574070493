package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Voice broadcast invitation from platform to device ({@code Notify/Broadcast}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BroadcastNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "Broadcast";

    private String sourceId;
    private String targetId;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    @Override
    protected void readBody(XmlElement root) {
        sourceId = root.string("SourceID");
        targetId = root.string("TargetID");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SourceID", sourceId);
        root.add("TargetID", targetId);
    }
}

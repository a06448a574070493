package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Media stream state ({@code Notify/MediaStatus}); NotifyType 121 means playback or download reached the end.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MediaStatusNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "MediaStatus";

    private Integer notifyType;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public Integer getNotifyType() {
        return notifyType;
    }

    public void setNotifyType(Integer notifyType) {
        this.notifyType = notifyType;
    }

    @Override
    protected void readBody(XmlElement root) {
        notifyType = root.integer("NotifyType");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("NotifyType", notifyType);
    }
}

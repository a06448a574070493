package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.List;

/**
 * Device heartbeat ({@code Notify/Keepalive}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeepaliveNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "Keepalive";

    private String status;
    private List<String> faultDeviceIds;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** OK or ERROR, as sent */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Status} normalised; the raw spelling stays in {@link #getStatus()}. */
    public StatusFlag getStatusFlag() {
        return status == null ? null : StatusFlag.of(status);
    }

    /** IDs of faulty sub-devices listed under {@code Info}, or null */
    public List<String> getFaultDeviceIds() {
        return faultDeviceIds;
    }

    public void setFaultDeviceIds(List<String> faultDeviceIds) {
        this.faultDeviceIds = faultDeviceIds;
    }

    @Override
    protected void readBody(XmlElement root) {
        status = root.string("Status");
        faultDeviceIds = root.child("Info") == null ? null : root.strings("Info/DeviceID");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Status", status);
        if (faultDeviceIds != null) {
            XmlElement wrapper = root.addChild("Info");
            for (String s : faultDeviceIds) {
                wrapper.add("DeviceID", s);
            }
        }
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * A response that only reports success: the answer to DeviceControl, DeviceConfig, Alarm and
 * Broadcast. One class serves them all because they differ only in CmdType.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResultResponse extends ManscdpMessage {

    private String cmdType;
    private String result;

    public ResultResponse() {
    }

    public ResultResponse(String cmdType) {
        this.cmdType = cmdType;
    }

    /** A reply to {@code request} with its CmdType, SN and DeviceID, as the standard asks. */
    public static ResultResponse replyTo(ManscdpMessage request, boolean ok) {
        ResultResponse r = new ResultResponse(request.getCmdType());
        r.setSn(request.getSn());
        r.setDeviceId(request.getDeviceId());
        r.setCharset(request.getCharset());
        r.setResult(ok ? "OK" : "ERROR");
        return r;
    }

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return cmdType;
    }

    public void setCmdType(String cmdType) {
        this.cmdType = cmdType;
    }

    /** OK or ERROR, as sent. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public StatusFlag getResultFlag() {
        return result == null ? null : StatusFlag.of(result);
    }

    @Override
    protected void readBody(XmlElement root) {
        cmdType = root.string("CmdType");
        result = root.string("Result");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Result", result);
    }
}

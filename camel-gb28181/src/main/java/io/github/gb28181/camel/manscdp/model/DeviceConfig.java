package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Device configuration ({@code Control/DeviceConfig}); only BasicParam is modelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceConfig extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceConfig";

    private BasicParam basicParam;

    @Override
    public RootKind getKind() {
        return RootKind.CONTROL;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public BasicParam getBasicParam() {
        return basicParam;
    }

    public void setBasicParam(BasicParam basicParam) {
        this.basicParam = basicParam;
    }

    @Override
    protected void readBody(XmlElement root) {
        basicParam = BasicParam.read(root.child("BasicParam"));
    }

    @Override
    protected void writeBody(XmlElement root) {
        if (basicParam != null) {
            basicParam.write(root.addChild("BasicParam"));
        }
    }
}

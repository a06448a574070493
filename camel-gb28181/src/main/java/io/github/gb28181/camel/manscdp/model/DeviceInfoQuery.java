package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * DeviceInfo query ({@code Query/DeviceInfo}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceInfoQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceInfo";


    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    @Override
    protected void readBody(XmlElement root) {
    }

    @Override
    protected void writeBody(XmlElement root) {
    }
}

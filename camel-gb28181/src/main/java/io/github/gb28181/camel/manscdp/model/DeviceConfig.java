package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Device configuration ({@code Control/DeviceConfig}): set the parameter sets to change; the device answers with a
 * {@code Response/DeviceConfig} Result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceConfig extends DeviceParameterDocument {

    public static final String CMD_TYPE = "DeviceConfig";

    @Override
    public RootKind getKind() {
        return RootKind.CONTROL;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    @Override
    protected String snapShotElementName() {
        return "SnapShotConfig";
    }

    @Override
    protected void readBody(XmlElement root) {
        readParameters(root);
    }

    @Override
    protected void writeBody(XmlElement root) {
        writeBasicParam(root);
        writeRevision2022Parameters(root);
    }
}

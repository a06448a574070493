package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Configuration read ({@code Query/ConfigDownload}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigDownloadQuery extends ManscdpMessage {

    public static final String CMD_TYPE = "ConfigDownload";

    private String configType;

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** e.g. BasicParam, VideoParamOpt, VideoRecordPlan; several joined by / (see {@link ConfigType}) */
    public String getConfigType() {
        return configType;
    }

    public void setConfigType(String configType) {
        this.configType = configType;
    }

    /** Asks for the given parameter sets. */
    public void askFor(ConfigType... types) {
        this.configType = ConfigType.join(types);
    }

    @Override
    protected void readBody(XmlElement root) {
        configType = root.string("ConfigType");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("ConfigType", configType);
    }
}

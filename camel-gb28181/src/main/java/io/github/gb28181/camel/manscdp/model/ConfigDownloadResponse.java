package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Answer to a ConfigDownload query ({@code Response/ConfigDownload}); only BasicParam is modelled, other sections stay in the source tree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigDownloadResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "ConfigDownload";

    private String result;
    private BasicParam basicParam;

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised; the raw spelling stays in {@link #getResult()}. */
    public StatusFlag getResultFlag() {
        return result == null ? null : StatusFlag.of(result);
    }

    public BasicParam getBasicParam() {
        return basicParam;
    }

    public void setBasicParam(BasicParam basicParam) {
        this.basicParam = basicParam;
    }

    @Override
    protected void readBody(XmlElement root) {
        result = root.string("Result");
        basicParam = BasicParam.read(root.child("BasicParam"));
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Result", result);
        if (basicParam != null) {
            basicParam.write(root.addChild("BasicParam"));
        }
    }
}

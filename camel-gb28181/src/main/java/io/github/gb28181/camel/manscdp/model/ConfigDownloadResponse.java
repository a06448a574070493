package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Answer to a ConfigDownload query ({@code Response/ConfigDownload}). A query for several ConfigTypes may be answered
 * by one response per type, all with the query's SN. SVACEncodeConfig and SVACDecodeConfig stay in the source tree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigDownloadResponse extends DeviceParameterDocument {

    public static final String CMD_TYPE = "ConfigDownload";

    private String result;
    private VideoParamOpt videoParamOpt;

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

    /** the video options the device supports */
    public VideoParamOpt getVideoParamOpt() {
        return videoParamOpt;
    }

    public void setVideoParamOpt(VideoParamOpt videoParamOpt) {
        this.videoParamOpt = videoParamOpt;
    }

    @Override
    protected String snapShotElementName() {
        return "SnapShot";
    }

    @Override
    protected void readBody(XmlElement root) {
        result = root.string("Result");
        readParameters(root);
        videoParamOpt = VideoParamOpt.read(root.child("VideoParamOpt"));
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Result", result);
        writeBasicParam(root);
        if (videoParamOpt != null) {
            videoParamOpt.write(root.addChild("VideoParamOpt"));
        }
        writeRevision2022Parameters(root);
    }
}

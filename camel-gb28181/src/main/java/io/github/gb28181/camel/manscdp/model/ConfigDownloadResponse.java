package io.github.gb28181.camel.manscdp.model;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The sets this answer carries (SVAC ones seen in its source), in {@link ConfigType} order: a device may answer a
     * query for several in one response per set.
     */
    public List<ConfigType> carriedSets() {
        List<ConfigType> sets = new ArrayList<>();
        addIf(sets, getBasicParam() != null, ConfigType.BASIC_PARAM);
        addIf(sets, videoParamOpt != null, ConfigType.VIDEO_PARAM_OPT);
        addIf(sets, getSource() != null && getSource().child("SVACEncodeConfig") != null,
                ConfigType.SVAC_ENCODE_CONFIG);
        addIf(sets, getSource() != null && getSource().child("SVACDecodeConfig") != null,
                ConfigType.SVAC_DECODE_CONFIG);
        addIf(sets, getVideoParamAttribute() != null, ConfigType.VIDEO_PARAM_ATTRIBUTE);
        addIf(sets, getVideoRecordPlan() != null, ConfigType.VIDEO_RECORD_PLAN);
        addIf(sets, getVideoAlarmRecord() != null, ConfigType.VIDEO_ALARM_RECORD);
        addIf(sets, getPictureMask() != null, ConfigType.PICTURE_MASK);
        addIf(sets, getFrameMirror() != null, ConfigType.FRAME_MIRROR);
        addIf(sets, getAlarmReport() != null, ConfigType.ALARM_REPORT);
        addIf(sets, getOsdConfig() != null, ConfigType.OSD_CONFIG);
        addIf(sets, getSnapShotConfig() != null, ConfigType.SNAP_SHOT_CONFIG);
        return sets;
    }

    /**
     * One answer made of several answers to the same query (one per set): SN, DeviceID and charset of the first, every
     * modelled set, and ERROR when any part says it. The parts stay as they are; a single part is returned itself. The
     * merged answer has no source tree: SVAC sets stay in each part's {@link #getSource()}.
     */
    public static ConfigDownloadResponse merge(List<ConfigDownloadResponse> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ConfigDownloadResponse merged = new ConfigDownloadResponse();
        parts.get(0).copyHeaderTo(merged);
        for (ConfigDownloadResponse part : parts) {
            merged.setBasicParam(first(merged.getBasicParam(), part.getBasicParam()));
            merged.videoParamOpt = first(merged.videoParamOpt, part.videoParamOpt);
            merged.setVideoParamAttribute(first(merged.getVideoParamAttribute(), part.getVideoParamAttribute()));
            merged.setVideoRecordPlan(first(merged.getVideoRecordPlan(), part.getVideoRecordPlan()));
            merged.setVideoAlarmRecord(first(merged.getVideoAlarmRecord(), part.getVideoAlarmRecord()));
            merged.setPictureMask(first(merged.getPictureMask(), part.getPictureMask()));
            merged.setFrameMirror(first(merged.getFrameMirror(), part.getFrameMirror()));
            merged.setAlarmReport(first(merged.getAlarmReport(), part.getAlarmReport()));
            merged.setOsdConfig(first(merged.getOsdConfig(), part.getOsdConfig()));
            merged.setSnapShotConfig(first(merged.getSnapShotConfig(), part.getSnapShotConfig()));
            if (merged.result == null || merged.getResultFlag() == StatusFlag.ON) {
                merged.result = first(part.result, merged.result); // an ERROR part is not hidden by an OK one
            }
        }
        return merged;
    }

    private static <T> T first(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }

    private static void addIf(List<ConfigType> sets, boolean present, ConfigType type) {
        if (present) {
            sets.add(type);
        }
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

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * The parameter sets a DeviceConfig writes and a ConfigDownload answer reads back (GB/T 28181-2022 A.2.3.2, A.2.6.9):
 * one set of beans for both, so what a device reports can be changed and sent back. SVACEncodeConfig and
 * SVACDecodeConfig are not modelled; they stay in {@link #getSource()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class DeviceParameterDocument extends ManscdpMessage {

    private BasicParam basicParam;
    private VideoParamAttribute videoParamAttribute;
    private VideoRecordPlan videoRecordPlan;
    private VideoAlarmRecord videoAlarmRecord;
    private PictureMask pictureMask;
    private Integer frameMirror;
    private AlarmReport alarmReport;
    private OsdConfig osdConfig;
    private SnapShotConfig snapShotConfig;

    public BasicParam getBasicParam() {
        return basicParam;
    }

    public void setBasicParam(BasicParam basicParam) {
        this.basicParam = basicParam;
    }

    /** GB/T 28181-2022: the encoding of each stream */
    public VideoParamAttribute getVideoParamAttribute() {
        return videoParamAttribute;
    }

    public void setVideoParamAttribute(VideoParamAttribute videoParamAttribute) {
        this.videoParamAttribute = videoParamAttribute;
    }

    /** GB/T 28181-2022: scheduled recording */
    public VideoRecordPlan getVideoRecordPlan() {
        return videoRecordPlan;
    }

    public void setVideoRecordPlan(VideoRecordPlan videoRecordPlan) {
        this.videoRecordPlan = videoRecordPlan;
    }

    /** GB/T 28181-2022: recording on alarm */
    public VideoAlarmRecord getVideoAlarmRecord() {
        return videoAlarmRecord;
    }

    public void setVideoAlarmRecord(VideoAlarmRecord videoAlarmRecord) {
        this.videoAlarmRecord = videoAlarmRecord;
    }

    /** GB/T 28181-2022: privacy masking */
    public PictureMask getPictureMask() {
        return pictureMask;
    }

    public void setPictureMask(PictureMask pictureMask) {
        this.pictureMask = pictureMask;
    }

    /** GB/T 28181-2022: 0 no mirroring, 1 left-right, 2 upside down, 3 both */
    public Integer getFrameMirror() {
        return frameMirror;
    }

    public void setFrameMirror(Integer frameMirror) {
        this.frameMirror = frameMirror;
    }

    /** GB/T 28181-2022: which detections are reported */
    public AlarmReport getAlarmReport() {
        return alarmReport;
    }

    public void setAlarmReport(AlarmReport alarmReport) {
        this.alarmReport = alarmReport;
    }

    /** GB/T 28181-2022: on-screen display */
    public OsdConfig getOsdConfig() {
        return osdConfig;
    }

    public void setOsdConfig(OsdConfig osdConfig) {
        this.osdConfig = osdConfig;
    }

    /** GB/T 28181-2022: picture capture */
    public SnapShotConfig getSnapShotConfig() {
        return snapShotConfig;
    }

    public void setSnapShotConfig(SnapShotConfig snapShotConfig) {
        this.snapShotConfig = snapShotConfig;
    }

    /**
     * The picture capture element: {@code SnapShotConfig} in a DeviceConfig, {@code SnapShot} in a ConfigDownload answer,
     * as the standard spells them.
     */
    protected abstract String snapShotElementName();

    /** Reads every parameter set; the capture section under either of its two names. */
    protected final void readParameters(XmlElement root) {
        basicParam = BasicParam.read(root.child("BasicParam"));
        videoParamAttribute = VideoParamAttribute.read(root.child("VideoParamAttribute"));
        videoRecordPlan = VideoRecordPlan.read(root.child("VideoRecordPlan"));
        videoAlarmRecord = VideoAlarmRecord.read(root.child("VideoAlarmRecord"));
        pictureMask = PictureMask.read(root.child("PictureMask"));
        frameMirror = root.integer("FrameMirror");
        alarmReport = AlarmReport.read(root.child("AlarmReport"));
        osdConfig = OsdConfig.read(root.child("OSDConfig"));
        XmlElement snapShot = root.child("SnapShotConfig");
        snapShotConfig = SnapShotConfig.read(snapShot != null ? snapShot : root.child("SnapShot"));
    }

    protected final void writeBasicParam(XmlElement root) {
        if (basicParam != null) {
            basicParam.write(root.addChild("BasicParam"));
        }
    }

    /** The sets GB/T 28181-2022 added, in its order. */
    protected final void writeRevision2022Parameters(XmlElement root) {
        if (videoParamAttribute != null) {
            videoParamAttribute.write(root.addChild("VideoParamAttribute"));
        }
        if (videoRecordPlan != null) {
            videoRecordPlan.write(root.addChild("VideoRecordPlan"));
        }
        if (videoAlarmRecord != null) {
            videoAlarmRecord.write(root.addChild("VideoAlarmRecord"));
        }
        if (pictureMask != null) {
            pictureMask.write(root.addChild("PictureMask"));
        }
        root.add("FrameMirror", frameMirror);
        if (alarmReport != null) {
            alarmReport.write(root.addChild("AlarmReport"));
        }
        if (osdConfig != null) {
            osdConfig.write(root.addChild("OSDConfig"));
        }
        if (snapShotConfig != null) {
            snapShotConfig.write(root.addChild(snapShotElementName()));
        }
    }
}

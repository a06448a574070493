package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Device control ({@code Control/DeviceControl}): set the one sub-command needed. {@code Info/ControlPriority} (2016)
 * and the {@code Info/AlarmMethod}, {@code Info/AlarmType} that go with AlarmCmd (2022) are flattened.
 *
 * <p>GB/T 28181-2022 added PTZCmdParams, the StreamNumber of a RecordCmd, PTZPreciseCtrl, DeviceUpgrade, FormatSDCard
 * and TargetTrack (with DeviceID2 and TargetArea), and respelled 2016's {@code IFameCmd} as {@code IFrameCmd}: both
 * spellings are read, and the one written is chosen by {@link #setIframeCmd2022Spelling(boolean)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceControl extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceControl";

    private String ptzCmd;
    private PtzCmdParams ptzCmdParams;
    private String teleBoot;
    private String recordCmd;
    private Integer streamNumber;
    private String guardCmd;
    private String alarmCmd;
    private String iframeCmd;
    private boolean iframeCmd2022Spelling;
    private DragZoom dragZoomIn;
    private DragZoom dragZoomOut;
    private HomePosition homePosition;
    private PtzPreciseCtrl ptzPreciseCtrl;
    private DeviceUpgrade deviceUpgrade;
    private Integer formatSdCard;
    private String targetTrack;
    private String deviceId2;
    private DragZoom targetArea;
    private Integer controlPriority;
    private String alarmMethod;
    private String alarmType;

    @Override
    public RootKind getKind() {
        return RootKind.CONTROL;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** 16 hex digits, see {@link io.github.gb28181.camel.manscdp.ptz.PtzCmd} */
    public String getPtzCmd() {
        return ptzCmd;
    }

    public void setPtzCmd(String ptzCmd) {
        this.ptzCmd = ptzCmd;
    }

    /** GB/T 28181-2022: the preset or cruise track name that goes with the PTZCmd */
    public PtzCmdParams getPtzCmdParams() {
        return ptzCmdParams;
    }

    public void setPtzCmdParams(PtzCmdParams ptzCmdParams) {
        this.ptzCmdParams = ptzCmdParams;
    }

    /** Boot */
    public String getTeleBoot() {
        return teleBoot;
    }

    public void setTeleBoot(String teleBoot) {
        this.teleBoot = teleBoot;
    }

    /** Record or StopRecord */
    public String getRecordCmd() {
        return recordCmd;
    }

    public void setRecordCmd(String recordCmd) {
        this.recordCmd = recordCmd;
    }

    /** GB/T 28181-2022: the stream a RecordCmd records, 0 main (the default), 1 first sub-stream... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    /** SetGuard or ResetGuard */
    public String getGuardCmd() {
        return guardCmd;
    }

    public void setGuardCmd(String guardCmd) {
        this.guardCmd = guardCmd;
    }

    /** ResetAlarm */
    public String getAlarmCmd() {
        return alarmCmd;
    }

    public void setAlarmCmd(String alarmCmd) {
        this.alarmCmd = alarmCmd;
    }

    /** Send: an IDR frame at once (GB/T 28181-2016 spells the element IFameCmd, 2022 IFrameCmd) */
    public String getIframeCmd() {
        return iframeCmd;
    }

    public void setIframeCmd(String iframeCmd) {
        this.iframeCmd = iframeCmd;
    }

    /** Whether IFrameCmd is written as GB/T 28181-2022 spells it; true when it was read that way. */
    @JsonIgnore
    public boolean isIframeCmd2022Spelling() {
        return iframeCmd2022Spelling;
    }

    /** Write {@code IFrameCmd} (2022) instead of {@code IFameCmd} (2016): set it from the device's X-GB-Ver. */
    public void setIframeCmd2022Spelling(boolean iframeCmd2022Spelling) {
        this.iframeCmd2022Spelling = iframeCmd2022Spelling;
    }

    public DragZoom getDragZoomIn() {
        return dragZoomIn;
    }

    public void setDragZoomIn(DragZoom dragZoomIn) {
        this.dragZoomIn = dragZoomIn;
    }

    public DragZoom getDragZoomOut() {
        return dragZoomOut;
    }

    public void setDragZoomOut(DragZoom dragZoomOut) {
        this.dragZoomOut = dragZoomOut;
    }

    public HomePosition getHomePosition() {
        return homePosition;
    }

    public void setHomePosition(HomePosition homePosition) {
        this.homePosition = homePosition;
    }

    /** GB/T 28181-2022: move to an absolute pan, tilt and zoom */
    public PtzPreciseCtrl getPtzPreciseCtrl() {
        return ptzPreciseCtrl;
    }

    public void setPtzPreciseCtrl(PtzPreciseCtrl ptzPreciseCtrl) {
        this.ptzPreciseCtrl = ptzPreciseCtrl;
    }

    /** GB/T 28181-2022: install new firmware */
    public DeviceUpgrade getDeviceUpgrade() {
        return deviceUpgrade;
    }

    public void setDeviceUpgrade(DeviceUpgrade deviceUpgrade) {
        this.deviceUpgrade = deviceUpgrade;
    }

    /** GB/T 28181-2022: the storage card to format, from 1; 0 formats them all */
    public Integer getFormatSdCard() {
        return formatSdCard;
    }

    public void setFormatSdCard(Integer formatSdCard) {
        this.formatSdCard = formatSdCard;
    }

    /** GB/T 28181-2022: Auto, Manual (follow the target in {@link #getTargetArea()}) or Stop */
    public String getTargetTrack() {
        return targetTrack;
    }

    public void setTargetTrack(String targetTrack) {
        this.targetTrack = targetTrack;
    }

    /** GB/T 28181-2022, TargetTrack: the panorama channel of the camera whose dome (DeviceID) tracks */
    public String getDeviceId2() {
        return deviceId2;
    }

    public void setDeviceId2(String deviceId2) {
        this.deviceId2 = deviceId2;
    }

    /** GB/T 28181-2022, manual TargetTrack: the panorama window size and the box around the target */
    public DragZoom getTargetArea() {
        return targetArea;
    }

    public void setTargetArea(DragZoom targetArea) {
        this.targetArea = targetArea;
    }

    public Integer getControlPriority() {
        return controlPriority;
    }

    public void setControlPriority(Integer controlPriority) {
        this.controlPriority = controlPriority;
    }

    /** GB/T 28181-2022, AlarmCmd: the alarm methods to reset, 0 all, or several joined by / */
    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    /** GB/T 28181-2022, AlarmCmd: the alarm type to reset, within the alarm method */
    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    @Override
    protected void readBody(XmlElement root) {
        ptzCmd = root.string("PTZCmd");
        ptzCmdParams = PtzCmdParams.read(root.child("PTZCmdParams"));
        teleBoot = root.string("TeleBoot");
        recordCmd = root.string("RecordCmd");
        streamNumber = root.integer("StreamNumber");
        guardCmd = root.string("GuardCmd");
        alarmCmd = root.string("AlarmCmd");
        String frame = root.string("IFrameCmd");
        iframeCmd2022Spelling = frame != null;
        iframeCmd = frame != null ? frame : root.string("IFameCmd");
        dragZoomIn = DragZoom.read(root.child("DragZoomIn"));
        dragZoomOut = DragZoom.read(root.child("DragZoomOut"));
        homePosition = HomePosition.read(root.child("HomePosition"));
        ptzPreciseCtrl = PtzPreciseCtrl.read(root.child("PTZPreciseCtrl"));
        deviceUpgrade = DeviceUpgrade.read(root.child("DeviceUpgrade"));
        formatSdCard = root.integer("FormatSDCard");
        targetTrack = root.string("TargetTrack");
        deviceId2 = root.string("DeviceID2");
        targetArea = DragZoom.read(root.child("TargetArea"));
        controlPriority = root.integer("Info/ControlPriority");
        alarmMethod = root.string("Info/AlarmMethod");
        alarmType = root.string("Info/AlarmType");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("PTZCmd", ptzCmd);
        if (ptzCmdParams != null) {
            ptzCmdParams.write(root.addChild("PTZCmdParams"));
        }
        root.add("TeleBoot", teleBoot);
        root.add("RecordCmd", recordCmd);
        root.add("StreamNumber", streamNumber);
        root.add("GuardCmd", guardCmd);
        root.add("AlarmCmd", alarmCmd);
        root.add(iframeCmd2022Spelling ? "IFrameCmd" : "IFameCmd", iframeCmd);
        if (dragZoomIn != null) {
            dragZoomIn.write(root.addChild("DragZoomIn"));
        }
        if (dragZoomOut != null) {
            dragZoomOut.write(root.addChild("DragZoomOut"));
        }
        if (homePosition != null) {
            homePosition.write(root.addChild("HomePosition"));
        }
        if (ptzPreciseCtrl != null) {
            ptzPreciseCtrl.write(root.addChild("PTZPreciseCtrl"));
        }
        if (deviceUpgrade != null) {
            deviceUpgrade.write(root.addChild("DeviceUpgrade"));
        }
        root.add("FormatSDCard", formatSdCard);
        root.add("TargetTrack", targetTrack);
        root.add("DeviceID2", deviceId2);
        if (targetArea != null) {
            targetArea.write(root.addChild("TargetArea"));
        }
        root.add("Info/ControlPriority", controlPriority);
        root.add("Info/AlarmMethod", alarmMethod);
        root.add("Info/AlarmType", alarmType);
    }
}

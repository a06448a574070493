package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Device control ({@code Control/DeviceControl}): set the one sub-command needed. {@code Info/ControlPriority} is flattened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceControl extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceControl";

    private String ptzCmd;
    private String teleBoot;
    private String recordCmd;
    private String guardCmd;
    private String alarmCmd;
    private String iframeCmd;
    private DragZoom dragZoomIn;
    private DragZoom dragZoomOut;
    private HomePosition homePosition;
    private Integer controlPriority;

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

    /** Send (the standard spells the element IFameCmd) */
    public String getIframeCmd() {
        return iframeCmd;
    }

    public void setIframeCmd(String iframeCmd) {
        this.iframeCmd = iframeCmd;
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

    public Integer getControlPriority() {
        return controlPriority;
    }

    public void setControlPriority(Integer controlPriority) {
        this.controlPriority = controlPriority;
    }

    @Override
    protected void readBody(XmlElement root) {
        ptzCmd = root.string("PTZCmd");
        teleBoot = root.string("TeleBoot");
        recordCmd = root.string("RecordCmd");
        guardCmd = root.string("GuardCmd");
        alarmCmd = root.string("AlarmCmd");
        iframeCmd = root.string("IFameCmd");
        dragZoomIn = DragZoom.read(root.child("DragZoomIn"));
        dragZoomOut = DragZoom.read(root.child("DragZoomOut"));
        homePosition = HomePosition.read(root.child("HomePosition"));
        controlPriority = root.integer("Info/ControlPriority");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("PTZCmd", ptzCmd);
        root.add("TeleBoot", teleBoot);
        root.add("RecordCmd", recordCmd);
        root.add("GuardCmd", guardCmd);
        root.add("AlarmCmd", alarmCmd);
        root.add("IFameCmd", iframeCmd);
        if (dragZoomIn != null) {
            dragZoomIn.write(root.addChild("DragZoomIn"));
        }
        if (dragZoomOut != null) {
            dragZoomOut.write(root.addChild("DragZoomOut"));
        }
        if (homePosition != null) {
            homePosition.write(root.addChild("HomePosition"));
        }
        root.add("Info/ControlPriority", controlPriority);
    }
}

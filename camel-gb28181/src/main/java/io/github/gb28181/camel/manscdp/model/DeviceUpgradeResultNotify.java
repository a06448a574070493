package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Outcome of a firmware upgrade ({@code Notify/DeviceUpgradeResult}, GB/T 28181-2022 A.2.5.9).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceUpgradeResultNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceUpgradeResult";

    private String sessionId;
    private String upgradeResult;
    private String firmware;
    private String upgradeFailedReason;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** the session id of the DeviceUpgrade order */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    /** OK or ERROR, as sent */
    public String getUpgradeResult() {
        return upgradeResult;
    }

    public void setUpgradeResult(String upgradeResult) {
        this.upgradeResult = upgradeResult;
    }

    /** the version now running */
    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    /** 01 download timed out, 02 damaged package, 03 system error, 99 other */
    public String getUpgradeFailedReason() {
        return upgradeFailedReason;
    }

    public void setUpgradeFailedReason(String upgradeFailedReason) {
        this.upgradeFailedReason = upgradeFailedReason;
    }

    /** {@code UpgradeResult} normalised; the raw spelling stays in {@link #getUpgradeResult()}. */
    public StatusFlag getUpgradeResultFlag() {
        return upgradeResult == null ? null : StatusFlag.of(upgradeResult);
    }

    @Override
    protected void readBody(XmlElement root) {
        sessionId = root.string("SessionID");
        upgradeResult = root.string("UpgradeResult");
        firmware = root.string("Firmware");
        upgradeFailedReason = root.string("UpgradeFailedReason");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SessionID", sessionId);
        root.add("UpgradeResult", upgradeResult);
        root.add("Firmware", firmware);
        root.add("UpgradeFailedReason", upgradeFailedReason);
    }
}

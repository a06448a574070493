package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Firmware upgrade order ({@code <DeviceUpgrade>}, GB/T 28181-2022 A.2.3.1.12); the device answers the DeviceControl
 * with a Result, then sends a DeviceUpgradeResult notification with the same session id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DeviceUpgrade {

    private String firmware;
    private String fileUrl;
    private String manufacturer;
    private String sessionId;

    /** the firmware version to install */
    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    /** where the device downloads the upgrade file */
    public String getFileUrl() {
        return fileUrl;
    }

    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    /** chosen by the platform: 32 to 128 letters, digits or dashes */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    static DeviceUpgrade read(XmlElement e) {
        if (e == null) {
            return null;
        }
        DeviceUpgrade v = new DeviceUpgrade();
        v.firmware = e.string("Firmware");
        v.fileUrl = e.string("FileURL");
        v.manufacturer = e.string("Manufacturer");
        v.sessionId = e.string("SessionID");
        return v;
    }

    void write(XmlElement e) {
        e.add("Firmware", firmware);
        e.add("FileURL", fileUrl);
        e.add("Manufacturer", manufacturer);
        e.add("SessionID", sessionId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceUpgrade)) {
            return false;
        }
        DeviceUpgrade other = (DeviceUpgrade) o;
        return Objects.equals(firmware, other.firmware)
                && Objects.equals(fileUrl, other.fileUrl)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(sessionId, other.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firmware, fileUrl, manufacturer, sessionId);
    }

    @Override
    public String toString() {
        return "DeviceUpgrade{" + "firmware=" + firmware + ", " + "fileUrl=" + fileUrl + ", " + "manufacturer=" + manufacturer + ", " + "sessionId=" + sessionId + "}";
    }
}

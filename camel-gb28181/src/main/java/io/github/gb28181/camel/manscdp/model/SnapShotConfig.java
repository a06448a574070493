package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Picture capture order ({@code <SnapShotConfig>} in a DeviceConfig, {@code <SnapShot>} in a ConfigDownload answer;
 * GB/T 28181-2022 A.2.1.24): the device uploads the pictures to the URL, then sends UploadSnapShotFinished with the
 * same session id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SnapShotConfig {

    private Integer snapNum;
    private Integer interval;
    private String uploadUrl;
    private String sessionId;

    /** pictures to take, 1 to 10 (1 for a manual capture) */
    public Integer getSnapNum() {
        return snapNum;
    }

    public void setSnapNum(Integer snapNum) {
        this.snapNum = snapNum;
    }

    /** seconds between pictures, at least 1 */
    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    /** where the device uploads the pictures (HTTP is advised) */
    public String getUploadUrl() {
        return uploadUrl;
    }

    public void setUploadUrl(String uploadUrl) {
        this.uploadUrl = uploadUrl;
    }

    /** chosen by the platform: 32 to 128 letters, digits or dashes */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    static SnapShotConfig read(XmlElement e) {
        if (e == null) {
            return null;
        }
        SnapShotConfig v = new SnapShotConfig();
        v.snapNum = e.integer("SnapNum");
        v.interval = e.integer("Interval");
        v.uploadUrl = e.string("UploadURL");
        v.sessionId = e.string("SessionID");
        return v;
    }

    void write(XmlElement e) {
        e.add("SnapNum", snapNum);
        e.add("Interval", interval);
        e.add("UploadURL", uploadUrl);
        e.add("SessionID", sessionId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SnapShotConfig)) {
            return false;
        }
        SnapShotConfig other = (SnapShotConfig) o;
        return Objects.equals(snapNum, other.snapNum)
                && Objects.equals(interval, other.interval)
                && Objects.equals(uploadUrl, other.uploadUrl)
                && Objects.equals(sessionId, other.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapNum, interval, uploadUrl, sessionId);
    }

    @Override
    public String toString() {
        return "SnapShotConfig{" + "snapNum=" + snapNum + ", " + "interval=" + interval + ", " + "uploadUrl=" + uploadUrl + ", " + "sessionId=" + sessionId + "}";
    }
}

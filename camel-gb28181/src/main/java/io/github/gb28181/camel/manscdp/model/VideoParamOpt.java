package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * The video options a device supports ({@code <VideoParamOpt>}, A.2.1.20), read by ConfigDownload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoParamOpt {

    private String downloadSpeed;
    private String resolution;

    /** download speed factors, for example 1/2/4 */
    public String getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(String downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    /** resolutions in SDP f= codes, separated by / */
    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    static VideoParamOpt read(XmlElement e) {
        if (e == null) {
            return null;
        }
        VideoParamOpt v = new VideoParamOpt();
        v.downloadSpeed = e.string("DownloadSpeed");
        v.resolution = e.string("Resolution");
        return v;
    }

    void write(XmlElement e) {
        e.add("DownloadSpeed", downloadSpeed);
        e.add("Resolution", resolution);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoParamOpt)) {
            return false;
        }
        VideoParamOpt other = (VideoParamOpt) o;
        return Objects.equals(downloadSpeed, other.downloadSpeed)
                && Objects.equals(resolution, other.resolution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(downloadSpeed, resolution);
    }

    @Override
    public String toString() {
        return "VideoParamOpt{" + "downloadSpeed=" + downloadSpeed + ", " + "resolution=" + resolution + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * The encoding of one stream ({@code VideoParamAttribute/Item}, GB/T 28181-2022 A.2.1.13). The values use the codes
 * of the SDP {@code f=} line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoStreamAttribute {

    private Integer streamNumber;
    private String videoFormat;
    private String resolution;
    private String frameRate;
    private String bitRateType;
    private String videoBitRate;

    /** 0 main stream, 1 first sub-stream, 2 second... */
    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    /** 1 MPEG-4, 2 H.264, 3 SVAC, 4 3GP, 5 H.265 */
    public String getVideoFormat() {
        return videoFormat;
    }

    public void setVideoFormat(String videoFormat) {
        this.videoFormat = videoFormat;
    }

    /** 1 QCIF ... 6 1080P, or WxH */
    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    /** 0 to 99 */
    public String getFrameRate() {
        return frameRate;
    }

    public void setFrameRate(String frameRate) {
        this.frameRate = frameRate;
    }

    /** 1 constant, 2 variable */
    public String getBitRateType() {
        return bitRateType;
    }

    public void setBitRateType(String bitRateType) {
        this.bitRateType = bitRateType;
    }

    /** kb/s, required for a constant bit rate */
    public String getVideoBitRate() {
        return videoBitRate;
    }

    public void setVideoBitRate(String videoBitRate) {
        this.videoBitRate = videoBitRate;
    }

    static VideoStreamAttribute read(XmlElement e) {
        if (e == null) {
            return null;
        }
        VideoStreamAttribute v = new VideoStreamAttribute();
        v.streamNumber = e.integer("StreamNumber");
        v.videoFormat = e.string("VideoFormat");
        v.resolution = e.string("Resolution");
        v.frameRate = e.string("FrameRate");
        v.bitRateType = e.string("BitRateType");
        v.videoBitRate = e.string("VideoBitRate");
        return v;
    }

    void write(XmlElement e) {
        e.add("StreamNumber", streamNumber);
        e.add("VideoFormat", videoFormat);
        e.add("Resolution", resolution);
        e.add("FrameRate", frameRate);
        e.add("BitRateType", bitRateType);
        e.add("VideoBitRate", videoBitRate);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoStreamAttribute)) {
            return false;
        }
        VideoStreamAttribute other = (VideoStreamAttribute) o;
        return Objects.equals(streamNumber, other.streamNumber)
                && Objects.equals(videoFormat, other.videoFormat)
                && Objects.equals(resolution, other.resolution)
                && Objects.equals(frameRate, other.frameRate)
                && Objects.equals(bitRateType, other.bitRateType)
                && Objects.equals(videoBitRate, other.videoBitRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamNumber, videoFormat, resolution, frameRate, bitRateType, videoBitRate);
    }

    @Override
    public String toString() {
        return "VideoStreamAttribute{" + "streamNumber=" + streamNumber + ", " + "videoFormat=" + videoFormat + ", " + "resolution=" + resolution + ", " + "frameRate=" + frameRate + ", " + "bitRateType=" + bitRateType + ", " + "videoBitRate=" + videoBitRate + "}";
    }
}

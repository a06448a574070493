package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * A device starts sending live video on its own ({@code Notify/VideoUploadNotify}, GB/T 28181-2022 A.2.5.8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoUploadNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "VideoUploadNotify";

    private String time;
    private Double longitude;
    private Double latitude;

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** as sent */
    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    @Override
    protected void readBody(XmlElement root) {
        time = root.string("Time");
        longitude = root.decimal("Longitude");
        latitude = root.decimal("Latitude");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Time", time);
        root.add("Longitude", longitude);
        root.add("Latitude", latitude);
    }
}

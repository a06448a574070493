package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * The PTZ position a device reports (GB/T 28181-2022 A.2.6.15): as the answer to a PTZPosition query and, for a
 * subscription, in NOTIFY requests with the same body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class PtzPositionReport extends ManscdpMessage {

    public static final String CMD_TYPE = "PTZPosition";

    private Double pan;
    private Double tilt;
    private Double zoom;
    private Double horizontalFieldAngle;
    private Double verticalFieldAngle;
    private Double maxViewDistance;

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** horizontal angle in degrees */
    public Double getPan() {
        return pan;
    }

    public void setPan(Double pan) {
        this.pan = pan;
    }

    /** vertical angle in degrees */
    public Double getTilt() {
        return tilt;
    }

    public void setTilt(Double tilt) {
        this.tilt = tilt;
    }

    /** zoom factor */
    public Double getZoom() {
        return zoom;
    }

    public void setZoom(Double zoom) {
        this.zoom = zoom;
    }

    /** degrees */
    public Double getHorizontalFieldAngle() {
        return horizontalFieldAngle;
    }

    public void setHorizontalFieldAngle(Double horizontalFieldAngle) {
        this.horizontalFieldAngle = horizontalFieldAngle;
    }

    /** degrees */
    public Double getVerticalFieldAngle() {
        return verticalFieldAngle;
    }

    public void setVerticalFieldAngle(Double verticalFieldAngle) {
        this.verticalFieldAngle = verticalFieldAngle;
    }

    /** metres */
    public Double getMaxViewDistance() {
        return maxViewDistance;
    }

    public void setMaxViewDistance(Double maxViewDistance) {
        this.maxViewDistance = maxViewDistance;
    }

    @Override
    protected void readBody(XmlElement root) {
        pan = root.decimal("Pan");
        tilt = root.decimal("Tilt");
        zoom = root.decimal("Zoom");
        horizontalFieldAngle = root.decimal("HorizontalFieldAngle");
        verticalFieldAngle = root.decimal("VerticalFieldAngle");
        maxViewDistance = root.decimal("MaxViewDistance");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Pan", pan);
        root.add("Tilt", tilt);
        root.add("Zoom", zoom);
        root.add("HorizontalFieldAngle", horizontalFieldAngle);
        root.add("VerticalFieldAngle", verticalFieldAngle);
        root.add("MaxViewDistance", maxViewDistance);
    }
}

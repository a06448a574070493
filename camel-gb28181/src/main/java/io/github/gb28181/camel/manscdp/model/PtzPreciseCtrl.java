package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Absolute pan, tilt and zoom ({@code <PTZPreciseCtrl>}, GB/T 28181-2022 A.2.1.11), sent in a DeviceControl.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PtzPreciseCtrl {

    private Double pan;
    private Double tilt;
    private Double zoom;

    /** horizontal angle, 0 to 360.00 degrees, clockwise seen from above */
    public Double getPan() {
        return pan;
    }

    public void setPan(Double pan) {
        this.pan = pan;
    }

    /** vertical angle, usually -30.00 to 90.00 degrees, growing downwards */
    public Double getTilt() {
        return tilt;
    }

    public void setTilt(Double tilt) {
        this.tilt = tilt;
    }

    /** zoom factor, usually above 1.00; past the optical maximum the device zooms digitally */
    public Double getZoom() {
        return zoom;
    }

    public void setZoom(Double zoom) {
        this.zoom = zoom;
    }

    static PtzPreciseCtrl read(XmlElement e) {
        if (e == null) {
            return null;
        }
        PtzPreciseCtrl v = new PtzPreciseCtrl();
        v.pan = e.decimal("Pan");
        v.tilt = e.decimal("Tilt");
        v.zoom = e.decimal("Zoom");
        return v;
    }

    void write(XmlElement e) {
        e.add("Pan", pan);
        e.add("Tilt", tilt);
        e.add("Zoom", zoom);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PtzPreciseCtrl)) {
            return false;
        }
        PtzPreciseCtrl other = (PtzPreciseCtrl) o;
        return Objects.equals(pan, other.pan)
                && Objects.equals(tilt, other.tilt)
                && Objects.equals(zoom, other.zoom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pan, tilt, zoom);
    }

    @Override
    public String toString() {
        return "PtzPreciseCtrl{" + "pan=" + pan + ", " + "tilt=" + tilt + ", " + "zoom=" + zoom + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * A drag-zoom rectangle ({@code DragZoomIn} or {@code DragZoomOut}) in picture pixels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DragZoom {

    private Integer length;
    private Integer width;
    private Integer midPointX;
    private Integer midPointY;
    private Integer lengthX;
    private Integer lengthY;

    /** picture height */
    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    /** picture width */
    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getMidPointX() {
        return midPointX;
    }

    public void setMidPointX(Integer midPointX) {
        this.midPointX = midPointX;
    }

    public Integer getMidPointY() {
        return midPointY;
    }

    public void setMidPointY(Integer midPointY) {
        this.midPointY = midPointY;
    }

    public Integer getLengthX() {
        return lengthX;
    }

    public void setLengthX(Integer lengthX) {
        this.lengthX = lengthX;
    }

    public Integer getLengthY() {
        return lengthY;
    }

    public void setLengthY(Integer lengthY) {
        this.lengthY = lengthY;
    }

    static DragZoom read(XmlElement e) {
        if (e == null) {
            return null;
        }
        DragZoom v = new DragZoom();
        v.length = e.integer("Length");
        v.width = e.integer("Width");
        v.midPointX = e.integer("MidPointX");
        v.midPointY = e.integer("MidPointY");
        v.lengthX = e.integer("LengthX");
        v.lengthY = e.integer("LengthY");
        return v;
    }

    void write(XmlElement e) {
        e.add("Length", length);
        e.add("Width", width);
        e.add("MidPointX", midPointX);
        e.add("MidPointY", midPointY);
        e.add("LengthX", lengthX);
        e.add("LengthY", lengthY);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DragZoom)) {
            return false;
        }
        DragZoom other = (DragZoom) o;
        return Objects.equals(length, other.length)
                && Objects.equals(width, other.width)
                && Objects.equals(midPointX, other.midPointX)
                && Objects.equals(midPointY, other.midPointY)
                && Objects.equals(lengthX, other.lengthX)
                && Objects.equals(lengthY, other.lengthY);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, width, midPointX, midPointY, lengthX, lengthY);
    }

    @Override
    public String toString() {
        return "DragZoom{" + "length=" + length + ", " + "width=" + width + ", " + "midPointX=" + midPointX + ", " + "midPointY=" + midPointY + ", " + "lengthX=" + lengthX + ", " + "lengthY=" + lengthY + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One masked area ({@code PictureMask/RegionList/Item}, GB/T 28181-2022 A.2.1.17).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MaskRegion {

    private Integer seq;
    private String point;

    /** 1 to 4 */
    public Integer getSeq() {
        return seq;
    }

    public void setSeq(Integer seq) {
        this.seq = seq;
    }

    /** top left and bottom right corners in pixels: lx,ly,rx,ry */
    public String getPoint() {
        return point;
    }

    public void setPoint(String point) {
        this.point = point;
    }

    static MaskRegion read(XmlElement e) {
        if (e == null) {
            return null;
        }
        MaskRegion v = new MaskRegion();
        v.seq = e.integer("Seq");
        v.point = e.string("Point");
        return v;
    }

    void write(XmlElement e) {
        e.add("Seq", seq);
        e.add("Point", point);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MaskRegion)) {
            return false;
        }
        MaskRegion other = (MaskRegion) o;
        return Objects.equals(seq, other.seq)
                && Objects.equals(point, other.point);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, point);
    }

    @Override
    public String toString() {
        return "MaskRegion{" + "seq=" + seq + ", " + "point=" + point + "}";
    }
}

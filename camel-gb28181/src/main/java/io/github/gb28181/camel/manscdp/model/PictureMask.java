package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Privacy masking ({@code <PictureMask>}, GB/T 28181-2022 A.2.1.17): up to four areas hidden in the picture.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PictureMask {

    private Integer on;
    private Integer sumNum;
    private List<MaskRegion> regions = new ArrayList<>();

    /** 1 masking on, 0 off */
    public Integer getOn() {
        return on;
    }

    public void setOn(Integer on) {
        this.on = on;
    }

    /** how many areas */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public List<MaskRegion> getRegions() {
        return regions;
    }

    public void setRegions(List<MaskRegion> regions) {
        this.regions = regions == null ? new ArrayList<>() : new ArrayList<>(regions);
    }

    static PictureMask read(XmlElement e) {
        if (e == null) {
            return null;
        }
        PictureMask v = new PictureMask();
        v.on = e.integer("On");
        v.sumNum = e.integer("SumNum");
        v.regions = new ArrayList<>();
        for (XmlElement c : e.children("RegionList/Item")) {
            v.regions.add(MaskRegion.read(c));
        }
        return v;
    }

    void write(XmlElement e) {
        e.add("On", on);
        e.add("SumNum", sumNum);
        if (!regions.isEmpty()) {
            XmlElement list = e.addChild("RegionList");
            list.setAttribute("Num", regions.size());
            for (MaskRegion item : regions) {
                item.write(list.addChild("Item"));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PictureMask)) {
            return false;
        }
        PictureMask other = (PictureMask) o;
        return Objects.equals(on, other.on)
                && Objects.equals(sumNum, other.sumNum)
                && Objects.equals(regions, other.regions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(on, sumNum, regions);
    }

    @Override
    public String toString() {
        return "PictureMask{" + "on=" + on + ", " + "sumNum=" + sumNum + ", " + "regions=" + regions + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One cruise track of a PTZ camera ({@code CruiseTrackList/CruiseTrack}, GB/T 28181-2022 A.2.6.13).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CruiseTrack {

    private Integer number;
    private String name;

    /** 0 the first track, 1 the second... */
    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    /** at most 32 bytes */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    static CruiseTrack read(XmlElement e) {
        if (e == null) {
            return null;
        }
        CruiseTrack v = new CruiseTrack();
        v.number = e.integer("Number");
        v.name = e.string("Name");
        return v;
    }

    void write(XmlElement e) {
        e.add("Number", number);
        e.add("Name", name);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruiseTrack)) {
            return false;
        }
        CruiseTrack other = (CruiseTrack) o;
        return Objects.equals(number, other.number)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, name);
    }

    @Override
    public String toString() {
        return "CruiseTrack{" + "number=" + number + ", " + "name=" + name + "}";
    }
}

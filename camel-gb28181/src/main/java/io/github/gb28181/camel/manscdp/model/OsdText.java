package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One line of overlay text ({@code OSDConfig/Item}, GB/T 28181-2022 A.2.1.12).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OsdText {

    private String text;
    private Integer x;
    private Integer y;

    /** 0 to 32 characters */
    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Integer getX() {
        return x;
    }

    public void setX(Integer x) {
        this.x = x;
    }

    public Integer getY() {
        return y;
    }

    public void setY(Integer y) {
        this.y = y;
    }

    static OsdText read(XmlElement e) {
        if (e == null) {
            return null;
        }
        OsdText v = new OsdText();
        v.text = e.string("Text");
        v.x = e.integer("X");
        v.y = e.integer("Y");
        return v;
    }

    void write(XmlElement e) {
        e.add("Text", text);
        e.add("X", x);
        e.add("Y", y);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OsdText)) {
            return false;
        }
        OsdText other = (OsdText) o;
        return Objects.equals(text, other.text)
                && Objects.equals(x, other.x)
                && Objects.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, x, y);
    }

    @Override
    public String toString() {
        return "OsdText{" + "text=" + text + ", " + "x=" + x + ", " + "y=" + y + "}";
    }
}

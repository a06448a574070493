package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * On-screen display ({@code <OSDConfig>}, GB/T 28181-2022 A.2.1.12): the time and up to eight lines of text, placed
 * in pixels of a window of the given size, origin top left.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OsdConfig {

    private Integer length;
    private Integer width;
    private Integer timeX;
    private Integer timeY;
    private Integer timeEnable;
    private Integer timeType;
    private Integer textEnable;
    private Integer sumNum;
    private List<OsdText> texts = new ArrayList<>();

    /** window length in pixels */
    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    /** window width in pixels */
    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getTimeX() {
        return timeX;
    }

    public void setTimeX(Integer timeX) {
        this.timeX = timeX;
    }

    public Integer getTimeY() {
        return timeY;
    }

    public void setTimeY(Integer timeY) {
        this.timeY = timeY;
    }

    /** 1 show the time (the default), 0 hide it */
    public Integer getTimeEnable() {
        return timeEnable;
    }

    public void setTimeEnable(Integer timeEnable) {
        this.timeEnable = timeEnable;
    }

    /** 0 YYYY-MM-DD HH:MM:SS, 1 with Chinese year, month and day marks */
    public Integer getTimeType() {
        return timeType;
    }

    public void setTimeType(Integer timeType) {
        this.timeType = timeType;
    }

    /** 1 show the text (the default), 0 hide it */
    public Integer getTextEnable() {
        return textEnable;
    }

    public void setTextEnable(Integer textEnable) {
        this.textEnable = textEnable;
    }

    /** how many lines of text */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public List<OsdText> getTexts() {
        return texts;
    }

    public void setTexts(List<OsdText> texts) {
        this.texts = texts == null ? new ArrayList<>() : new ArrayList<>(texts);
    }

    static OsdConfig read(XmlElement e) {
        if (e == null) {
            return null;
        }
        OsdConfig v = new OsdConfig();
        v.length = e.integer("Length");
        v.width = e.integer("Width");
        v.timeX = e.integer("TimeX");
        v.timeY = e.integer("TimeY");
        v.timeEnable = e.integer("TimeEnable");
        v.timeType = e.integer("TimeType");
        v.textEnable = e.integer("TextEnable");
        v.sumNum = e.integer("SumNum");
        v.texts = new ArrayList<>();
        for (XmlElement c : e.children("Item")) {
            v.texts.add(OsdText.read(c));
        }
        return v;
    }

    void write(XmlElement e) {
        e.add("Length", length);
        e.add("Width", width);
        e.add("TimeX", timeX);
        e.add("TimeY", timeY);
        e.add("TimeEnable", timeEnable);
        e.add("TimeType", timeType);
        e.add("TextEnable", textEnable);
        e.add("SumNum", sumNum);
        for (OsdText item : texts) {
            item.write(e.addChild("Item"));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OsdConfig)) {
            return false;
        }
        OsdConfig other = (OsdConfig) o;
        return Objects.equals(length, other.length)
                && Objects.equals(width, other.width)
                && Objects.equals(timeX, other.timeX)
                && Objects.equals(timeY, other.timeY)
                && Objects.equals(timeEnable, other.timeEnable)
                && Objects.equals(timeType, other.timeType)
                && Objects.equals(textEnable, other.textEnable)
                && Objects.equals(sumNum, other.sumNum)
                && Objects.equals(texts, other.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, width, timeX, timeY, timeEnable, timeType, textEnable, sumNum, texts);
    }

    @Override
    public String toString() {
        return "OsdConfig{" + "length=" + length + ", " + "width=" + width + ", " + "timeX=" + timeX + ", " + "timeY=" + timeY + ", " + "timeEnable=" + timeEnable + ", " + "timeType=" + timeType + ", " + "textEnable=" + textEnable + ", " + "sumNum=" + sumNum + ", " + "texts=" + texts + "}";
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One storage card ({@code SDCardStatusInfo/Item}, GB/T 28181-2022 A.2.6.16).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SdCardInfo {

    private Integer id;
    private String hddName;
    private String status;
    private Integer formatProgress;
    private Long capacity;
    private Long freeSpace;

    /** card number, from 1 */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getHddName() {
        return hddName;
    }

    public void setHddName(String hddName) {
        this.hddName = hddName;
    }

    /** ok, formatting, unformatted, idle or error */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** percent, while formatting */
    public Integer getFormatProgress() {
        return formatProgress;
    }

    public void setFormatProgress(Integer formatProgress) {
        this.formatProgress = formatProgress;
    }

    /** MB */
    public Long getCapacity() {
        return capacity;
    }

    public void setCapacity(Long capacity) {
        this.capacity = capacity;
    }

    /** MB */
    public Long getFreeSpace() {
        return freeSpace;
    }

    public void setFreeSpace(Long freeSpace) {
        this.freeSpace = freeSpace;
    }

    static SdCardInfo read(XmlElement e) {
        if (e == null) {
            return null;
        }
        SdCardInfo v = new SdCardInfo();
        v.id = e.integer("ID");
        v.hddName = e.string("HddName");
        v.status = e.string("Status");
        v.formatProgress = e.integer("FormatProgress");
        v.capacity = e.longValue("Capacity");
        v.freeSpace = e.longValue("FreeSpace");
        return v;
    }

    void write(XmlElement e) {
        e.add("ID", id);
        e.add("HddName", hddName);
        e.add("Status", status);
        e.add("FormatProgress", formatProgress);
        e.add("Capacity", capacity);
        e.add("FreeSpace", freeSpace);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SdCardInfo)) {
            return false;
        }
        SdCardInfo other = (SdCardInfo) o;
        return Objects.equals(id, other.id)
                && Objects.equals(hddName, other.hddName)
                && Objects.equals(status, other.status)
                && Objects.equals(formatProgress, other.formatProgress)
                && Objects.equals(capacity, other.capacity)
                && Objects.equals(freeSpace, other.freeSpace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, hddName, status, formatProgress, capacity, freeSpace);
    }

    @Override
    public String toString() {
        return "SdCardInfo{" + "id=" + id + ", " + "hddName=" + hddName + ", " + "status=" + status + ", " + "formatProgress=" + formatProgress + ", " + "capacity=" + capacity + ", " + "freeSpace=" + freeSpace + "}";
    }
}

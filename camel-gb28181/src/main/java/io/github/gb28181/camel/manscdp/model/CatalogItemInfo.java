package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * The {@code <Info>} extension of a catalog item: camera capabilities and, for playback, supported download speeds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CatalogItemInfo {

    private Integer ptzType;
    private Integer positionType;
    private Integer roomType;
    private Integer useType;
    private Integer supplyLightType;
    private Integer directionType;
    private String resolution;
    private String businessGroupId;
    private String downloadSpeed;
    private Integer svcSpaceSupportMode;
    private Integer svcTimeSupportMode;

    /** camera type: 1 dome, 2 half-dome, 3 fixed, 4 remote-controlled fixed */
    public Integer getPtzType() {
        return ptzType;
    }

    public void setPtzType(Integer ptzType) {
        this.ptzType = ptzType;
    }

    public Integer getPositionType() {
        return positionType;
    }

    public void setPositionType(Integer positionType) {
        this.positionType = positionType;
    }

    public Integer getRoomType() {
        return roomType;
    }

    public void setRoomType(Integer roomType) {
        this.roomType = roomType;
    }

    public Integer getUseType() {
        return useType;
    }

    public void setUseType(Integer useType) {
        this.useType = useType;
    }

    public Integer getSupplyLightType() {
        return supplyLightType;
    }

    public void setSupplyLightType(Integer supplyLightType) {
        this.supplyLightType = supplyLightType;
    }

    public Integer getDirectionType() {
        return directionType;
    }

    public void setDirectionType(Integer directionType) {
        this.directionType = directionType;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getBusinessGroupId() {
        return businessGroupId;
    }

    public void setBusinessGroupId(String businessGroupId) {
        this.businessGroupId = businessGroupId;
    }

    /** e.g. {@code 1/2/4/8}, kept as sent */
    public String getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(String downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    public Integer getSvcSpaceSupportMode() {
        return svcSpaceSupportMode;
    }

    public void setSvcSpaceSupportMode(Integer svcSpaceSupportMode) {
        this.svcSpaceSupportMode = svcSpaceSupportMode;
    }

    public Integer getSvcTimeSupportMode() {
        return svcTimeSupportMode;
    }

    public void setSvcTimeSupportMode(Integer svcTimeSupportMode) {
        this.svcTimeSupportMode = svcTimeSupportMode;
    }

    static CatalogItemInfo read(XmlElement e) {
        if (e == null) {
            return null;
        }
        CatalogItemInfo v = new CatalogItemInfo();
        v.ptzType = e.integer("PTZType");
        v.positionType = e.integer("PositionType");
        v.roomType = e.integer("RoomType");
        v.useType = e.integer("UseType");
        v.supplyLightType = e.integer("SupplyLightType");
        v.directionType = e.integer("DirectionType");
        v.resolution = e.string("Resolution");
        v.businessGroupId = e.string("BusinessGroupID");
        v.downloadSpeed = e.string("DownloadSpeed");
        v.svcSpaceSupportMode = e.integer("SVCSpaceSupportMode");
        v.svcTimeSupportMode = e.integer("SVCTimeSupportMode");
        return v;
    }

    void write(XmlElement e) {
        e.add("PTZType", ptzType);
        e.add("PositionType", positionType);
        e.add("RoomType", roomType);
        e.add("UseType", useType);
        e.add("SupplyLightType", supplyLightType);
        e.add("DirectionType", directionType);
        e.add("Resolution", resolution);
        e.add("BusinessGroupID", businessGroupId);
        e.add("DownloadSpeed", downloadSpeed);
        e.add("SVCSpaceSupportMode", svcSpaceSupportMode);
        e.add("SVCTimeSupportMode", svcTimeSupportMode);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogItemInfo)) {
            return false;
        }
        CatalogItemInfo other = (CatalogItemInfo) o;
        return Objects.equals(ptzType, other.ptzType)
                && Objects.equals(positionType, other.positionType)
                && Objects.equals(roomType, other.roomType)
                && Objects.equals(useType, other.useType)
                && Objects.equals(supplyLightType, other.supplyLightType)
                && Objects.equals(directionType, other.directionType)
                && Objects.equals(resolution, other.resolution)
                && Objects.equals(businessGroupId, other.businessGroupId)
                && Objects.equals(downloadSpeed, other.downloadSpeed)
                && Objects.equals(svcSpaceSupportMode, other.svcSpaceSupportMode)
                && Objects.equals(svcTimeSupportMode, other.svcTimeSupportMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ptzType, positionType, roomType, useType, supplyLightType, directionType, resolution, businessGroupId, downloadSpeed, svcSpaceSupportMode, svcTimeSupportMode);
    }

    @Override
    public String toString() {
        return "CatalogItemInfo{" + "ptzType=" + ptzType + ", " + "positionType=" + positionType + ", " + "roomType=" + roomType + ", " + "useType=" + useType + ", " + "supplyLightType=" + supplyLightType + ", " + "directionType=" + directionType + ", " + "resolution=" + resolution + ", " + "businessGroupId=" + businessGroupId + ", " + "downloadSpeed=" + downloadSpeed + ", " + "svcSpaceSupportMode=" + svcSpaceSupportMode + ", " + "svcTimeSupportMode=" + svcTimeSupportMode + "}";
    }
}

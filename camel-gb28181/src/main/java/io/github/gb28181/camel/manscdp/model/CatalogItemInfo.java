package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * The {@code <Info>} extension of a catalog item: camera capabilities, supported download speeds and, since GB/T
 * 28181-2022, the camera's imaging, stream numbers, field of view and registry data (point type, grassroots code,
 * installation, management unit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CatalogItemInfo {

    private Integer ptzType;
    private String photoelectricImagingType;
    private String capturePositionType;
    private Integer positionType;
    private Integer roomType;
    private Integer useType;
    private Integer supplyLightType;
    private Integer directionType;
    private String resolution;
    private String streamNumberList;
    private String businessGroupId;
    private String downloadSpeed;
    private Integer svcSpaceSupportMode;
    private Integer svcTimeSupportMode;
    private String ssvcRatioSupportList;
    private Integer mobileDeviceType;
    private Double horizontalFieldAngle;
    private Double verticalFieldAngle;
    private Double maxViewDistance;
    private String grassrootsCode;
    private Integer pointType;
    private String pointCommonName;
    private String mac;
    private String functionType;
    private String encodeType;
    private String installTime;
    private String managementUnit;
    private String contactInfo;
    private Integer recordSaveDays;
    private String industrialClassification;

    /**
     * camera type: 1 dome, 2 half-dome, 3 fixed, 4 remote-controlled fixed, 5 remote-controlled half-dome, 6
     * panorama channel, 7 split channel of a multi-lens camera
     */
    public Integer getPtzType() {
        return ptzType;
    }

    public void setPtzType(Integer ptzType) {
        this.ptzType = ptzType;
    }

    /** GB/T 28181-2022: 1 visible light, 2 thermal, 3 radar, 4 X-ray, 5 light field, 9 other; several joined by / */
    public String getPhotoelectricImagingType() {
        return photoelectricImagingType;
    }

    public void setPhotoelectricImagingType(String photoelectricImagingType) {
        this.photoelectricImagingType = photoelectricImagingType;
    }

    /** GB/T 28181-2022: the 7-digit place code of Annex O */
    public String getCapturePositionType() {
        return capturePositionType;
    }

    public void setCapturePositionType(String capturePositionType) {
        this.capturePositionType = capturePositionType;
    }

    public Integer getPositionType() {
        return positionType;
    }

    public void setPositionType(Integer positionType) {
        this.positionType = positionType;
    }

    /** 1 outdoor, 2 indoor */
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

    /** GB/T 28181-2022: the stream numbers a live INVITE may ask for, e.g. 0/1/2 (main, first and second sub-stream) */
    public String getStreamNumberList() {
        return streamNumberList;
    }

    public void setStreamNumberList(String streamNumberList) {
        this.streamNumberList = streamNumberList;
    }

    /** GB/T 28181-2016 puts it here; 2022 on the item */
    public String getBusinessGroupId() {
        return businessGroupId;
    }

    public void setBusinessGroupId(String businessGroupId) {
        this.businessGroupId = businessGroupId;
    }

    /** e.g. 1/2/4 */
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

    /** GB/T 28181-2022, e.g. 4:3/2:1/4:1 */
    public String getSsvcRatioSupportList() {
        return ssvcRatioSupportList;
    }

    public void setSsvcRatioSupportList(String ssvcRatioSupportList) {
        this.ssvcRatioSupportList = ssvcRatioSupportList;
    }

    /** GB/T 28181-2022: 1 robot, 2 body camera, 3 portable unit, 4 vehicle recorder, 5 drone, 9 other */
    public Integer getMobileDeviceType() {
        return mobileDeviceType;
    }

    public void setMobileDeviceType(Integer mobileDeviceType) {
        this.mobileDeviceType = mobileDeviceType;
    }

    /** GB/T 28181-2022, degrees */
    public Double getHorizontalFieldAngle() {
        return horizontalFieldAngle;
    }

    public void setHorizontalFieldAngle(Double horizontalFieldAngle) {
        this.horizontalFieldAngle = horizontalFieldAngle;
    }

    /** GB/T 28181-2022, degrees */
    public Double getVerticalFieldAngle() {
        return verticalFieldAngle;
    }

    public void setVerticalFieldAngle(Double verticalFieldAngle) {
        this.verticalFieldAngle = verticalFieldAngle;
    }

    /** GB/T 28181-2022, metres */
    public Double getMaxViewDistance() {
        return maxViewDistance;
    }

    public void setMaxViewDistance(Double maxViewDistance) {
        this.maxViewDistance = maxViewDistance;
    }

    /** GB/T 28181-2022: 000000 outside grassroots construction */
    public String getGrassrootsCode() {
        return grassrootsCode;
    }

    public void setGrassrootsCode(String grassrootsCode) {
        this.grassrootsCode = grassrootsCode;
    }

    /** GB/T 28181-2022: surveillance point class 1, 2 or 3; 9 other */
    public Integer getPointType() {
        return pointType;
    }

    public void setPointType(Integer pointType) {
        this.pointType = pointType;
    }

    /** GB/T 28181-2022: the place's everyday name */
    public String getPointCommonName() {
        return pointCommonName;
    }

    public void setPointCommonName(String pointCommonName) {
        this.pointCommonName = pointCommonName;
    }

    /** GB/T 28181-2022: XX-XX-XX-XX-XX-XX */
    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    /**
     * GB/T 28181-2022 checkpoint kinds: 01 face, 02 person, 03 motor vehicle, 04 non-motor vehicle, 05 object,
     * 99 other
     */
    public String getFunctionType() {
        return functionType;
    }

    public void setFunctionType(String functionType) {
        this.functionType = functionType;
    }

    /** GB/T 28181-2022: the video codec, in SDP f= codes */
    public String getEncodeType() {
        return encodeType;
    }

    public void setEncodeType(String encodeType) {
        this.encodeType = encodeType;
    }

    /** GB/T 28181-2022, as sent */
    public String getInstallTime() {
        return installTime;
    }

    public void setInstallTime(String installTime) {
        this.installTime = installTime;
    }

    /** GB/T 28181-2022 */
    public String getManagementUnit() {
        return managementUnit;
    }

    public void setManagementUnit(String managementUnit) {
        this.managementUnit = managementUnit;
    }

    /** GB/T 28181-2022: the management unit's phone numbers, joined by / */
    public String getContactInfo() {
        return contactInfo;
    }

    public void setContactInfo(String contactInfo) {
        this.contactInfo = contactInfo;
    }

    /** GB/T 28181-2022 */
    public Integer getRecordSaveDays() {
        return recordSaveDays;
    }

    public void setRecordSaveDays(Integer recordSaveDays) {
        this.recordSaveDays = recordSaveDays;
    }

    /** GB/T 28181-2022: a GB/T 4754 code */
    public String getIndustrialClassification() {
        return industrialClassification;
    }

    public void setIndustrialClassification(String industrialClassification) {
        this.industrialClassification = industrialClassification;
    }

    static CatalogItemInfo read(XmlElement e) {
        if (e == null) {
            return null;
        }
        CatalogItemInfo v = new CatalogItemInfo();
        v.ptzType = e.integer("PTZType");
        v.photoelectricImagingType = e.string("PhotoelectricImagingType");
        v.capturePositionType = e.string("CapturePositionType");
        v.positionType = e.integer("PositionType");
        v.roomType = e.integer("RoomType");
        v.useType = e.integer("UseType");
        v.supplyLightType = e.integer("SupplyLightType");
        v.directionType = e.integer("DirectionType");
        v.resolution = e.string("Resolution");
        v.streamNumberList = e.string("StreamNumberList");
        v.businessGroupId = e.string("BusinessGroupID");
        v.downloadSpeed = e.string("DownloadSpeed");
        v.svcSpaceSupportMode = e.integer("SVCSpaceSupportMode");
        v.svcTimeSupportMode = e.integer("SVCTimeSupportMode");
        v.ssvcRatioSupportList = e.string("SSVCRatioSupportList");
        v.mobileDeviceType = e.integer("MobileDeviceType");
        v.horizontalFieldAngle = e.decimal("HorizontalFieldAngle");
        v.verticalFieldAngle = e.decimal("VerticalFieldAngle");
        v.maxViewDistance = e.decimal("MaxViewDistance");
        v.grassrootsCode = e.string("GrassrootsCode");
        v.pointType = e.integer("PointType");
        v.pointCommonName = e.string("PointCommonName");
        v.mac = e.string("MAC");
        v.functionType = e.string("FunctionType");
        v.encodeType = e.string("EncodeType");
        v.installTime = e.string("InstallTime");
        v.managementUnit = e.string("ManagementUnit");
        v.contactInfo = e.string("ContactInfo");
        v.recordSaveDays = e.integer("RecordSaveDays");
        v.industrialClassification = e.string("IndustrialClassification");
        return v;
    }

    void write(XmlElement e) {
        e.add("PTZType", ptzType);
        e.add("PhotoelectricImagingType", photoelectricImagingType);
        e.add("CapturePositionType", capturePositionType);
        e.add("PositionType", positionType);
        e.add("RoomType", roomType);
        e.add("UseType", useType);
        e.add("SupplyLightType", supplyLightType);
        e.add("DirectionType", directionType);
        e.add("Resolution", resolution);
        e.add("StreamNumberList", streamNumberList);
        e.add("BusinessGroupID", businessGroupId);
        e.add("DownloadSpeed", downloadSpeed);
        e.add("SVCSpaceSupportMode", svcSpaceSupportMode);
        e.add("SVCTimeSupportMode", svcTimeSupportMode);
        e.add("SSVCRatioSupportList", ssvcRatioSupportList);
        e.add("MobileDeviceType", mobileDeviceType);
        e.add("HorizontalFieldAngle", horizontalFieldAngle);
        e.add("VerticalFieldAngle", verticalFieldAngle);
        e.add("MaxViewDistance", maxViewDistance);
        e.add("GrassrootsCode", grassrootsCode);
        e.add("PointType", pointType);
        e.add("PointCommonName", pointCommonName);
        e.add("MAC", mac);
        e.add("FunctionType", functionType);
        e.add("EncodeType", encodeType);
        e.add("InstallTime", installTime);
        e.add("ManagementUnit", managementUnit);
        e.add("ContactInfo", contactInfo);
        e.add("RecordSaveDays", recordSaveDays);
        e.add("IndustrialClassification", industrialClassification);
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
                && Objects.equals(photoelectricImagingType, other.photoelectricImagingType)
                && Objects.equals(capturePositionType, other.capturePositionType)
                && Objects.equals(positionType, other.positionType)
                && Objects.equals(roomType, other.roomType)
                && Objects.equals(useType, other.useType)
                && Objects.equals(supplyLightType, other.supplyLightType)
                && Objects.equals(directionType, other.directionType)
                && Objects.equals(resolution, other.resolution)
                && Objects.equals(streamNumberList, other.streamNumberList)
                && Objects.equals(businessGroupId, other.businessGroupId)
                && Objects.equals(downloadSpeed, other.downloadSpeed)
                && Objects.equals(svcSpaceSupportMode, other.svcSpaceSupportMode)
                && Objects.equals(svcTimeSupportMode, other.svcTimeSupportMode)
                && Objects.equals(ssvcRatioSupportList, other.ssvcRatioSupportList)
                && Objects.equals(mobileDeviceType, other.mobileDeviceType)
                && Objects.equals(horizontalFieldAngle, other.horizontalFieldAngle)
                && Objects.equals(verticalFieldAngle, other.verticalFieldAngle)
                && Objects.equals(maxViewDistance, other.maxViewDistance)
                && Objects.equals(grassrootsCode, other.grassrootsCode)
                && Objects.equals(pointType, other.pointType)
                && Objects.equals(pointCommonName, other.pointCommonName)
                && Objects.equals(mac, other.mac)
                && Objects.equals(functionType, other.functionType)
                && Objects.equals(encodeType, other.encodeType)
                && Objects.equals(installTime, other.installTime)
                && Objects.equals(managementUnit, other.managementUnit)
                && Objects.equals(contactInfo, other.contactInfo)
                && Objects.equals(recordSaveDays, other.recordSaveDays)
                && Objects.equals(industrialClassification, other.industrialClassification);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ptzType, photoelectricImagingType, capturePositionType, positionType, roomType, useType, supplyLightType, directionType, resolution, streamNumberList, businessGroupId, downloadSpeed, svcSpaceSupportMode, svcTimeSupportMode, ssvcRatioSupportList, mobileDeviceType, horizontalFieldAngle, verticalFieldAngle, maxViewDistance, grassrootsCode, pointType, pointCommonName, mac, functionType, encodeType, installTime, managementUnit, contactInfo, recordSaveDays, industrialClassification);
    }

    @Override
    public String toString() {
        return "CatalogItemInfo{" + "ptzType=" + ptzType + ", " + "photoelectricImagingType=" + photoelectricImagingType + ", " + "capturePositionType=" + capturePositionType + ", " + "positionType=" + positionType + ", " + "roomType=" + roomType + ", " + "useType=" + useType + ", " + "supplyLightType=" + supplyLightType + ", " + "directionType=" + directionType + ", " + "resolution=" + resolution + ", " + "streamNumberList=" + streamNumberList + ", " + "businessGroupId=" + businessGroupId + ", " + "downloadSpeed=" + downloadSpeed + ", " + "svcSpaceSupportMode=" + svcSpaceSupportMode + ", " + "svcTimeSupportMode=" + svcTimeSupportMode + ", " + "ssvcRatioSupportList=" + ssvcRatioSupportList + ", " + "mobileDeviceType=" + mobileDeviceType + ", " + "horizontalFieldAngle=" + horizontalFieldAngle + ", " + "verticalFieldAngle=" + verticalFieldAngle + ", " + "maxViewDistance=" + maxViewDistance + ", " + "grassrootsCode=" + grassrootsCode + ", " + "pointType=" + pointType + ", " + "pointCommonName=" + pointCommonName + ", " + "mac=" + mac + ", " + "functionType=" + functionType + ", " + "encodeType=" + encodeType + ", " + "installTime=" + installTime + ", " + "managementUnit=" + managementUnit + ", " + "contactInfo=" + contactInfo + ", " + "recordSaveDays=" + recordSaveDays + ", " + "industrialClassification=" + industrialClassification + "}";
    }
}

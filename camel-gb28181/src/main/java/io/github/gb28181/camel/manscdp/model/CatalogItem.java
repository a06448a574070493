package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * One device or channel in a Catalog response or notification ({@code DeviceList/Item}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CatalogItem {

    private String deviceId;
    private String event;
    private String name;
    private String manufacturer;
    private String model;
    private String owner;
    private String civilCode;
    private String block;
    private String address;
    private Integer parental;
    private String parentId;
    private Integer safetyWay;
    private Integer registerWay;
    private String securityLevelCode;
    private String certNum;
    private Integer certifiable;
    private Integer errCode;
    private String endTime;
    private Integer secrecy;
    private String ipAddress;
    private Integer port;
    private String password;
    private String status;
    private Double longitude;
    private Double latitude;
    private Integer streamNum;
    private String businessGroupId;
    private CatalogItemInfo info;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /** subscription notifications only: ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE */
    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getCivilCode() {
        return civilCode;
    }

    public void setCivilCode(String civilCode) {
        this.civilCode = civilCode;
    }

    public String getBlock() {
        return block;
    }

    public void setBlock(String block) {
        this.block = block;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** 1 when the item has children */
    public Integer getParental() {
        return parental;
    }

    public void setParental(Integer parental) {
        this.parental = parental;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public Integer getSafetyWay() {
        return safetyWay;
    }

    public void setSafetyWay(Integer safetyWay) {
        this.safetyWay = safetyWay;
    }

    public Integer getRegisterWay() {
        return registerWay;
    }

    public void setRegisterWay(Integer registerWay) {
        this.registerWay = registerWay;
    }

    /** GB/T 28181-2022: the GB 35114 security level of a camera, A, B or C */
    public String getSecurityLevelCode() {
        return securityLevelCode;
    }

    public void setSecurityLevelCode(String securityLevelCode) {
        this.securityLevelCode = securityLevelCode;
    }

    public String getCertNum() {
        return certNum;
    }

    public void setCertNum(String certNum) {
        this.certNum = certNum;
    }

    public Integer getCertifiable() {
        return certifiable;
    }

    public void setCertifiable(Integer certifiable) {
        this.certifiable = certifiable;
    }

    public Integer getErrCode() {
        return errCode;
    }

    public void setErrCode(Integer errCode) {
        this.errCode = errCode;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** Kept out of JSON: events and REST answers must never carry a password, even one a device volunteers. */
    @JsonIgnore
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** as sent: ON, On, ONLINE, OFF... */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Status} normalised; the raw spelling stays in {@link #getStatus()}. */
    public StatusFlag getStatusFlag() {
        return status == null ? null : StatusFlag.of(status);
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Integer getStreamNum() {
        return streamNum;
    }

    public void setStreamNum(Integer streamNum) {
        this.streamNum = streamNum;
    }

    /** GB/T 28181-2022: the business group a virtual organisation belongs to (2016 put it in Info) */
    public String getBusinessGroupId() {
        return businessGroupId;
    }

    public void setBusinessGroupId(String businessGroupId) {
        this.businessGroupId = businessGroupId;
    }

    public CatalogItemInfo getInfo() {
        return info;
    }

    public void setInfo(CatalogItemInfo info) {
        this.info = info;
    }

    static CatalogItem read(XmlElement e) {
        if (e == null) {
            return null;
        }
        CatalogItem v = new CatalogItem();
        v.deviceId = e.string("DeviceID");
        v.event = e.string("Event");
        v.name = e.string("Name");
        v.manufacturer = e.string("Manufacturer");
        v.model = e.string("Model");
        v.owner = e.string("Owner");
        v.civilCode = e.string("CivilCode");
        v.block = e.string("Block");
        v.address = e.string("Address");
        v.parental = e.integer("Parental");
        v.parentId = e.string("ParentID");
        v.safetyWay = e.integer("SafetyWay");
        v.registerWay = e.integer("RegisterWay");
        v.securityLevelCode = e.string("SecurityLevelCode");
        v.certNum = e.string("CertNum");
        v.certifiable = e.integer("Certifiable");
        v.errCode = e.integer("ErrCode");
        v.endTime = e.string("EndTime");
        v.secrecy = e.integer("Secrecy");
        v.ipAddress = e.string("IPAddress");
        v.port = e.integer("Port");
        v.password = e.string("Password");
        v.status = e.string("Status");
        v.longitude = e.decimal("Longitude");
        v.latitude = e.decimal("Latitude");
        v.streamNum = e.integer("StreamNum");
        v.businessGroupId = e.string("BusinessGroupID");
        v.info = CatalogItemInfo.read(e.child("Info"));
        return v;
    }

    void write(XmlElement e) {
        e.add("DeviceID", deviceId);
        e.add("Event", event);
        e.add("Name", name);
        e.add("Manufacturer", manufacturer);
        e.add("Model", model);
        e.add("Owner", owner);
        e.add("CivilCode", civilCode);
        e.add("Block", block);
        e.add("Address", address);
        e.add("Parental", parental);
        e.add("ParentID", parentId);
        e.add("SafetyWay", safetyWay);
        e.add("RegisterWay", registerWay);
        e.add("SecurityLevelCode", securityLevelCode);
        e.add("CertNum", certNum);
        e.add("Certifiable", certifiable);
        e.add("ErrCode", errCode);
        e.add("EndTime", endTime);
        e.add("Secrecy", secrecy);
        e.add("IPAddress", ipAddress);
        e.add("Port", port);
        e.add("Password", password);
        e.add("Status", status);
        e.add("Longitude", longitude);
        e.add("Latitude", latitude);
        e.add("StreamNum", streamNum);
        e.add("BusinessGroupID", businessGroupId);
        if (info != null) {
            info.write(e.addChild("Info"));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogItem)) {
            return false;
        }
        CatalogItem other = (CatalogItem) o;
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(event, other.event)
                && Objects.equals(name, other.name)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(model, other.model)
                && Objects.equals(owner, other.owner)
                && Objects.equals(civilCode, other.civilCode)
                && Objects.equals(block, other.block)
                && Objects.equals(address, other.address)
                && Objects.equals(parental, other.parental)
                && Objects.equals(parentId, other.parentId)
                && Objects.equals(safetyWay, other.safetyWay)
                && Objects.equals(registerWay, other.registerWay)
                && Objects.equals(securityLevelCode, other.securityLevelCode)
                && Objects.equals(certNum, other.certNum)
                && Objects.equals(certifiable, other.certifiable)
                && Objects.equals(errCode, other.errCode)
                && Objects.equals(endTime, other.endTime)
                && Objects.equals(secrecy, other.secrecy)
                && Objects.equals(ipAddress, other.ipAddress)
                && Objects.equals(port, other.port)
                && Objects.equals(password, other.password)
                && Objects.equals(status, other.status)
                && Objects.equals(longitude, other.longitude)
                && Objects.equals(latitude, other.latitude)
                && Objects.equals(streamNum, other.streamNum)
                && Objects.equals(businessGroupId, other.businessGroupId)
                && Objects.equals(info, other.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, event, name, manufacturer, model, owner, civilCode, block, address, parental, parentId, safetyWay, registerWay, securityLevelCode, certNum, certifiable, errCode, endTime, secrecy, ipAddress, port, password, status, longitude, latitude, streamNum, businessGroupId, info);
    }

    @Override
    public String toString() {
        return "CatalogItem{" + "deviceId=" + deviceId + ", " + "event=" + event + ", " + "name=" + name + ", " + "manufacturer=" + manufacturer + ", " + "model=" + model + ", " + "owner=" + owner + ", " + "civilCode=" + civilCode + ", " + "block=" + block + ", " + "address=" + address + ", " + "parental=" + parental + ", " + "parentId=" + parentId + ", " + "safetyWay=" + safetyWay + ", " + "registerWay=" + registerWay + ", " + "securityLevelCode=" + securityLevelCode + ", " + "certNum=" + certNum + ", " + "certifiable=" + certifiable + ", " + "errCode=" + errCode + ", " + "endTime=" + endTime + ", " + "secrecy=" + secrecy + ", " + "ipAddress=" + ipAddress + ", " + "port=" + port + ", " + "password=" + password + ", " + "status=" + status + ", " + "longitude=" + longitude + ", " + "latitude=" + latitude + ", " + "streamNum=" + streamNum + ", " + "businessGroupId=" + businessGroupId + ", " + "info=" + info + "}";
    }
}

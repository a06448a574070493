package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Answer to a DeviceInfo query ({@code Response/DeviceInfo}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceInfoResponse extends ManscdpMessage {

    public static final String CMD_TYPE = "DeviceInfo";

    private String deviceName;
    private String result;
    private String deviceType;
    private String manufacturer;
    private String model;
    private String firmware;
    private Integer maxCamera;
    private Integer maxAlarm;
    private Integer channel;
    private Integer port;
    private String loginName;
    private String password;

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised; the raw spelling stays in {@link #getResult()}. */
    public StatusFlag getResultFlag() {
        return result == null ? null : StatusFlag.of(result);
    }

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
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

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public Integer getMaxCamera() {
        return maxCamera;
    }

    public void setMaxCamera(Integer maxCamera) {
        this.maxCamera = maxCamera;
    }

    public Integer getMaxAlarm() {
        return maxAlarm;
    }

    public void setMaxAlarm(Integer maxAlarm) {
        this.maxAlarm = maxAlarm;
    }

    public Integer getChannel() {
        return channel;
    }

    public void setChannel(Integer channel) {
        this.channel = channel;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    /** Kept out of JSON: events and REST answers must never carry a password, even one a device volunteers. */
    @JsonIgnore
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    protected void readBody(XmlElement root) {
        deviceName = root.string("DeviceName");
        result = root.string("Result");
        deviceType = root.string("DeviceType");
        manufacturer = root.string("Manufacturer");
        model = root.string("Model");
        firmware = root.string("Firmware");
        maxCamera = root.integer("MaxCamera");
        maxAlarm = root.integer("MaxAlarm");
        channel = root.integer("Channel");
        port = root.integer("Port");
        loginName = root.string("LoginName");
        password = root.string("Password");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("DeviceName", deviceName);
        root.add("Result", result);
        root.add("DeviceType", deviceType);
        root.add("Manufacturer", manufacturer);
        root.add("Model", model);
        root.add("Firmware", firmware);
        root.add("MaxCamera", maxCamera);
        root.add("MaxAlarm", maxAlarm);
        root.add("Channel", channel);
        root.add("Port", port);
        root.add("LoginName", loginName);
        root.add("Password", password);
    }
}

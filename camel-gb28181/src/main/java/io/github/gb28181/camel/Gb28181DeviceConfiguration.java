package io.github.gb28181.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The device a {@code gb28181:device} consumer plays: the platform it registers to, who it is, and what it says about
 * itself. The route receives the platform's controls, queries and media sessions as exchanges.
 */
@UriParams
public class Gb28181DeviceConfiguration implements Cloneable {

    @UriParam(label = "consumer,device")
    @Metadata(description = "gb28181:device: the platform to register to, as host:port (the port defaults to 5060).")
    private String platformAddress;
    @UriParam(label = "consumer,device")
    @Metadata(description = "gb28181:device: the platform's 20-digit SIP id.")
    private String platformId;
    @UriParam(label = "consumer,device")
    @Metadata(description = "gb28181:device: the platform's SIP domain. Default: the first ten digits of its id.")
    private String platformDomain;
    @UriParam(label = "consumer,device,security", secret = true)
    @Metadata(description = "gb28181:device: the password the platform gave the device, for the REGISTER digest.")
    private String platformPassword;
    @UriParam(label = "consumer,device", defaultValue = "UDP", enums = "UDP,TCP")
    @Metadata(description = "gb28181:device: the SIP transport to the platform.")
    private String platformTransport = "UDP";
    @UriParam(label = "consumer,device")
    @Metadata(description = "gb28181:device: the device's own 20-digit id.")
    private String localId;
    @UriParam(label = "consumer,device")
    @Metadata(description = "gb28181:device: the device's channels as id or id:name, comma-separated. Default: the"
                            + " device is its own single channel.")
    private String channels;
    @UriParam(label = "consumer,device", defaultValue = "Camel device")
    @Metadata(description = "gb28181:device: the DeviceName its DeviceInfo answer gives.")
    private String deviceName = "Camel device";
    @UriParam(label = "consumer,device", defaultValue = "camel-gb28181")
    @Metadata(description = "gb28181:device: the Manufacturer its DeviceInfo answer and catalog give.")
    private String manufacturer = "camel-gb28181";
    @UriParam(label = "consumer,device", defaultValue = "route")
    @Metadata(description = "gb28181:device: the Model its DeviceInfo answer and catalog give.")
    private String model = "route";
    @UriParam(label = "consumer,device", defaultValue = "1.0")
    @Metadata(description = "gb28181:device: the Firmware its DeviceInfo answer gives.")
    private String firmware = "1.0";
    @UriParam(label = "consumer,device", defaultValue = "3600")
    @Metadata(description = "gb28181:device: the registration lifetime to ask for, in seconds; refreshed at three"
                            + " quarters of it.")
    private int registerExpires = 3600;
    @UriParam(label = "consumer,device", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "gb28181:device: how often the device sends Keepalive.")
    private long keepaliveInterval = 60_000;

    public Gb28181DeviceConfiguration copy() {
        try {
            return (Gb28181DeviceConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getPlatformAddress() {
        return platformAddress;
    }

    public void setPlatformAddress(String platformAddress) {
        this.platformAddress = platformAddress;
    }

    public String getPlatformId() {
        return platformId;
    }

    public void setPlatformId(String platformId) {
        this.platformId = platformId;
    }

    public String getPlatformDomain() {
        return platformDomain;
    }

    public void setPlatformDomain(String platformDomain) {
        this.platformDomain = platformDomain;
    }

    public String getPlatformPassword() {
        return platformPassword;
    }

    public void setPlatformPassword(String platformPassword) {
        this.platformPassword = platformPassword;
    }

    public String getPlatformTransport() {
        return platformTransport;
    }

    public void setPlatformTransport(String platformTransport) {
        this.platformTransport = platformTransport;
    }

    public String getLocalId() {
        return localId;
    }

    public void setLocalId(String localId) {
        this.localId = localId;
    }

    public String getChannels() {
        return channels;
    }

    public void setChannels(String channels) {
        this.channels = channels;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
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

    public int getRegisterExpires() {
        return registerExpires;
    }

    public void setRegisterExpires(int registerExpires) {
        this.registerExpires = registerExpires;
    }

    public long getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(long keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }
}

package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.Objects;

/**
 * Basic device parameters ({@code <BasicParam>}), read by ConfigDownload and written by DeviceConfig.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BasicParam {

    private String name;
    private String deviceId;
    private String sipServerId;
    private String sipServerIp;
    private Integer sipServerPort;
    private String domainName;
    private Integer expiration;
    private String password;
    private Integer heartBeatInterval;
    private Integer heartBeatCount;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getSipServerId() {
        return sipServerId;
    }

    public void setSipServerId(String sipServerId) {
        this.sipServerId = sipServerId;
    }

    public String getSipServerIp() {
        return sipServerIp;
    }

    public void setSipServerIp(String sipServerIp) {
        this.sipServerIp = sipServerIp;
    }

    public Integer getSipServerPort() {
        return sipServerPort;
    }

    public void setSipServerPort(Integer sipServerPort) {
        this.sipServerPort = sipServerPort;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    /** registration expiry in seconds */
    public Integer getExpiration() {
        return expiration;
    }

    public void setExpiration(Integer expiration) {
        this.expiration = expiration;
    }

    /** Kept out of JSON: events and REST answers must never carry a password, even one a device volunteers. */
    @JsonIgnore
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** seconds */
    public Integer getHeartBeatInterval() {
        return heartBeatInterval;
    }

    public void setHeartBeatInterval(Integer heartBeatInterval) {
        this.heartBeatInterval = heartBeatInterval;
    }

    /** missed heartbeats before offline */
    public Integer getHeartBeatCount() {
        return heartBeatCount;
    }

    public void setHeartBeatCount(Integer heartBeatCount) {
        this.heartBeatCount = heartBeatCount;
    }

    static BasicParam read(XmlElement e) {
        if (e == null) {
            return null;
        }
        BasicParam v = new BasicParam();
        v.name = e.string("Name");
        v.deviceId = e.string("DeviceID");
        v.sipServerId = e.string("SIPServerID");
        v.sipServerIp = e.string("SIPServerIP");
        v.sipServerPort = e.integer("SIPServerPort");
        v.domainName = e.string("DomainName");
        v.expiration = e.integer("Expiration");
        v.password = e.string("Password");
        v.heartBeatInterval = e.integer("HeartBeatInterval");
        v.heartBeatCount = e.integer("HeartBeatCount");
        return v;
    }

    void write(XmlElement e) {
        e.add("Name", name);
        e.add("DeviceID", deviceId);
        e.add("SIPServerID", sipServerId);
        e.add("SIPServerIP", sipServerIp);
        e.add("SIPServerPort", sipServerPort);
        e.add("DomainName", domainName);
        e.add("Expiration", expiration);
        e.add("Password", password);
        e.add("HeartBeatInterval", heartBeatInterval);
        e.add("HeartBeatCount", heartBeatCount);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BasicParam)) {
            return false;
        }
        BasicParam other = (BasicParam) o;
        return Objects.equals(name, other.name)
                && Objects.equals(deviceId, other.deviceId)
                && Objects.equals(sipServerId, other.sipServerId)
                && Objects.equals(sipServerIp, other.sipServerIp)
                && Objects.equals(sipServerPort, other.sipServerPort)
                && Objects.equals(domainName, other.domainName)
                && Objects.equals(expiration, other.expiration)
                && Objects.equals(password, other.password)
                && Objects.equals(heartBeatInterval, other.heartBeatInterval)
                && Objects.equals(heartBeatCount, other.heartBeatCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, deviceId, sipServerId, sipServerIp, sipServerPort, domainName, expiration, password, heartBeatInterval, heartBeatCount);
    }

    @Override
    public String toString() {
        return "BasicParam{" + "name=" + name + ", " + "deviceId=" + deviceId + ", " + "sipServerId=" + sipServerId + ", " + "sipServerIp=" + sipServerIp + ", " + "sipServerPort=" + sipServerPort + ", " + "domainName=" + domainName + ", " + "expiration=" + expiration + ", " + "password=" + password + ", " + "heartBeatInterval=" + heartBeatInterval + ", " + "heartBeatCount=" + heartBeatCount + "}";
    }
}

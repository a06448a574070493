package io.github.gb28181.camel;

import io.github.gb28181.camel.sip.auth.AddressBinding;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Platform identity and SIP settings, and the producers' defaults (timeout, media address and transport). Set once
 * on the component ({@code camel.component.gb28181.*}); an endpoint may override them, but endpoints with the same
 * host and port share one SIP server, so they must agree on everything it is built from
 * ({@code PlatformServers.SERVER_OPTIONS}): a second endpoint that differs is refused at start.
 */
@UriParams
public class Gb28181Configuration implements Cloneable {

    @UriParam(defaultValue = "34020000002000000001")
    @Metadata(description = "The platform's own 20-digit SIP id (the id devices register to).")
    private String serverId = "34020000002000000001";
    @UriParam(defaultValue = "3402000000")
    @Metadata(description = "The SIP domain: the first ten digits of the platform id by convention.")
    private String domain = "3402000000";
    @UriParam(defaultValue = "0.0.0.0")
    @Metadata(description = "The address the SIP server listens on.")
    private String host = "0.0.0.0";
    @UriParam(defaultValue = "5060")
    @Metadata(description = "The port the SIP server listens on, for every enabled transport.")
    private int port = 5060;
    @UriParam(defaultValue = "UDP,TCP")
    @Metadata(description = "Comma-separated SIP transports to listen on: UDP, TCP or both.")
    private String transports = "UDP,TCP";
    @UriParam
    @Metadata(description = "The address devices can reach the platform at, written into Via and Contact headers."
                            + " Needed when the server listens on 0.0.0.0; defaults to the listen address, or the"
                            + " first non-loopback address of the machine.")
    private String advertisedAddress;
    @UriParam(label = "security")
    @Metadata(description = "The digest authentication realm; defaults to the domain.")
    private String realm;
    @UriParam(label = "security")
    @Metadata(description = "The password every device uses unless the credentials lookup has one of its own."
                            + " When no password is set at all, devices register without authentication.",
              secret = true)
    private String password;
    @UriParam(label = "security")
    @Metadata(description = "Per-device passwords as deviceOrUser=password pairs separated by commas, for"
                            + " devices whose password differs from the default one. The key is matched against the"
                            + " device id and against the digest username.", secret = true)
    private String devicePasswords;
    @UriParam(label = "advanced,security")
    @Metadata(description = "A lookup of device passwords, for a credentials store of your own. Overrides password"
                            + " and devicePasswords.", autowired = true)
    private io.github.gb28181.camel.sip.auth.CredentialLookup credentialLookup;
    @UriParam(label = "security", defaultValue = "true")
    @Metadata(description = "Whether the digest challenge offers qop=auth. Devices that do not support qop answer"
                            + " without it either way; turn it off only for a device that fails on the offer.")
    private boolean digestQop = true;
    @UriParam(label = "security", defaultValue = "MD5", enums = "MD5,SM3")
    @Metadata(description = "The hash the digest challenge names: MD5, or SM3 (GB/T 32905), which GB/T 28181-2022"
                            + " 8.3 recommends for signalling. SM3 needs org.bouncycastle:bcprov-jdk18on on the class"
                            + " path. A device is checked with the algorithm its answer names, so MD5-only devices"
                            + " still register when SM3 is offered.")
    private String digestAlgorithm = "MD5";
    @UriParam(label = "security", defaultValue = "false")
    @Metadata(description = "Strict mode: the digest username must equal the device id, so no two devices share an"
                            + " account such as admin.")
    private boolean strictUsername;
    @UriParam(label = "security", defaultValue = "5")
    @Metadata(description = "Wrong passwords for one device id from one address, or from one address for any ids,"
                            + " before that device id at that address, or that address, is refused for authLockout (an"
                            + " AUTH_LOCKED event says so). A device id is never locked out as such: a device"
                            + " registered from its own address is not refused for failures from elsewhere. 0 never"
                            + " locks out.")
    private int maxAuthFailures = 5;
    @UriParam(label = "security", defaultValue = "600000", javaType = "java.time.Duration")
    @Metadata(description = "How long a device id at an address, or an address, stays refused after maxAuthFailures"
                            + " wrong passwords.")
    private long authLockout = 600_000;
    @UriParam(label = "security")
    // no asterisk in descriptions: Camel's tooling strips every one from the JSON schema and the docs
    @Metadata(description = "Comma-separated device ids allowed to register; an id ending in an asterisk is a"
                            + " wildcard for every id that starts with the rest (34020000001320 and an asterisk:"
                            + " every id beginning 34020000001320). Default: every device.")
    private String allowedDevices;
    @UriParam(label = "security")
    @Metadata(description = "Comma-separated device ids refused; an id ending in an asterisk is a wildcard for"
                            + " every id that starts with the rest.")
    private String deniedDevices;
    @UriParam(label = "security")
    @Metadata(description = "Comma-separated addresses or CIDR blocks devices may come from (10.0.0.0/8,"
                            + " 192.168.1.20). Default: anywhere.")
    private String allowedAddresses;
    @UriParam(label = "security")
    @Metadata(description = "Comma-separated addresses or CIDR blocks refused.")
    private String deniedAddresses;
    @UriParam(label = "security", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "How long a SIP message over TCP may take to arrive, headers and body, from its first"
                            + " byte: a connection whose message takes longer is closed (slow headers hold a file"
                            + " descriptor each).")
    private long tcpMessageTimeout = 10_000;
    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "How long a TCP connection on which no device was accepted (no REGISTER, MESSAGE or"
                            + " NOTIFY answered 2xx) may stay without a byte before it is closed. Devices' own"
                            + " connections stay open between keepalives.")
    private long tcpIdleTimeout = 60_000;
    @UriParam(label = "security", defaultValue = "256")
    @Metadata(description = "TCP connections one IP address may hold open to the SIP server at once; more are closed"
                            + " at once. Cameras of one site behind one NAT share its address: raise it for large"
                            + " sites that use TCP.")
    private int maxTcpConnectionsPerAddress = 256;
    @UriParam(label = "security", defaultValue = "[0-9]{20}")
    @Metadata(description = "The regular expression a device id must match to register: GB/T 28181 ids are 20 digits."
                            + " A REGISTER from any other id gets 400 Invalid device id. Widen it only for devices"
                            + " with ids of another form (18 to 20 digits, say); the device store never uses an"
                            + " id as a file name unless it is plain letters and digits.")
    private String deviceIdPattern = "[0-9]{20}";
    @UriParam(label = "security", defaultValue = "HOST")
    @Metadata(description = "Where a registered device may send MESSAGEs (keepalives, alarms, answers) from. HOST:"
                            + " its registration's IP address, any port (a NAT may rebind the port); a MESSAGE from"
                            + " another IP address gets 403, and the device must REGISTER again, with digest, to move."
                            + " HOST_AND_PORT: the same IP address and port. ANY: the device is followed to wherever it"
                            + " is heard from; then anyone who knows a device id takes the device over (its INVITEs,"
                            + " PTZ commands and queries) with one unauthenticated MESSAGE, so only where every sender"
                            + " on the network is trusted.")
    private AddressBinding.Mode deviceAddressBinding = AddressBinding.Mode.HOST;
    @UriParam(label = "advanced")
    @Metadata(description = "Comma-separated addresses or CIDR blocks of the SIP proxies in front of the platform"
                            + " (the edge of a cluster, see docs/cluster.md). A request relayed by one of them is"
                            + " taken to come from the address the proxy wrote into the device's Via (received,"
                            + " rport), and a REGISTER's Path headers are kept so requests to the device go back"
                            + " through the proxy. Default: none, every request comes from its packet source.")
    private String trustedProxies;
    @UriParam(label = "consumer", defaultValue = "false")
    @Metadata(description = "Answer a device's MESSAGE only once the routes processed its event: 200 when they"
                            + " succeeded, 500 when one failed (the device may send it again), instead of 200 at"
                            + " once. Multi-message answers (Catalog, RecordInfo) are still answered part by part.")
    private boolean answerAfterProcessing;
    @UriParam(defaultValue = "3.0", enums = "2.0,3.0")
    @Metadata(description = "The GB/T 28181 revision the platform speaks and announces in X-GB-Ver on every answer to"
                            + " a REGISTER: 3.0 (GB/T 28181-2022) or 2.0 (2016). With each device it speaks the lower"
                            + " of this and what the device announced (2.0 when it announced nothing): GB18030 and"
                            + " IFrameCmd for 3.0, and 2022-only commands are refused to a device that announced 2.0.")
    private String gbVersion = "3.0";
    @UriParam(defaultValue = "true")
    @Metadata(description = "Whether the 200 OK to a REGISTER carries a Date header (yyyy-MM-dd'T'HH:mm:ss.SSS)"
                            + " that devices use to set their clock.")
    private boolean registerDateHeader = true;
    @UriParam(defaultValue = "180000", javaType = "java.time.Duration")
    @Metadata(description = "How long a device may stay silent (no keepalive, no registration refresh) before it"
                            + " is declared offline. Default three missed 60 s keepalives.")
    private long keepaliveTimeout = 180_000;
    @UriParam(defaultValue = "5000", javaType = "java.time.Duration")
    @Metadata(description = "How long to wait for the next part of a multi-message answer (Catalog, RecordInfo)"
                            + " before emitting what arrived, marked partial.")
    private long aggregationTimeout = 5_000;
    @UriParam(label = "advanced", defaultValue = "1000")
    @Metadata(description = "How many UDP requests from senders the platform does not know (new devices' REGISTERs,"
                            + " mostly) may wait for a SIP worker. Past half of it a new device's REGISTER is answered"
                            + " 503 with Retry-After, and the device comes back later; past all of it any request from"
                            + " an unknown sender is. Registered devices' requests wait in queues of their own, served"
                            + " first.")
    private int overloadQueueSize = 1_000;
    @UriParam(label = "advanced", defaultValue = "4000")
    @Metadata(description = "How many UDP datagrams each of the two queues of registered devices may hold while they"
                            + " wait for a SIP worker: one for what the devices say of their own accord (keepalives,"
                            + " alarms, re-REGISTERs), served first, and one for their answers to queries and the"
                            + " responses to the platform's requests; past it they are dropped, and devices"
                            + " retransmit.")
    private int overloadPriorityQueueSize = 4_000;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration")
    @Metadata(description = "The longest a UDP request waits for a SIP worker: one that waited longer is dropped,"
                            + " because its sender has retransmitted it by then (T1). New devices are turned away (503)"
                            + " once the oldest of their requests has waited half as long.")
    private long overloadMaxDelay = 500;
    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration")
    @Metadata(description = "The shortest Retry-After a device turned away with 503 is told (whole seconds). The"
                            + " longest grows with how many were turned away lately, so that they come back spread"
                            + " over the time the platform needs to serve them.")
    private long overloadRetryAfter = 5_000;
    @UriParam(label = "advanced", defaultValue = "5000")
    @Metadata(description = "Queries and subscriptions sent per second at most (0: no limit). Those a route asks for"
                            + " faster wait their turn, within their timeout: a storm of registrations whose routes query"
                            + " every device does not become a storm of requests retransmitting for 32 s.")
    private int queryRate = 5_000;
    @UriParam(label = "advanced", defaultValue = "2000")
    @Metadata(description = "Queries and subscriptions sent and not answered yet at most (0: no limit): devices that"
                            + " do not answer hold up the next ones rather than add more retransmitting requests. While"
                            + " more wait than the larger of this and queryRate, new devices registering are told 503"
                            + " to come back later; past twice as many, a query fails at once (PlatformBusyException).")
    private int maxQueriesInFlight = 2_000;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "How long to wait for the device's answer before failing the exchange.")
    private long timeout = 10_000;
    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(description = "Whether a control command waits for the device's DeviceControl or DeviceConfig Response"
                            + " and returns it, rather than completing when the device accepts the MESSAGE.")
    private boolean waitForResult;
    @UriParam(label = "producer")
    @Metadata(description = "Where the platform receives media, written into the INVITE's SDP (c=). Defaults to the"
                            + " address the SIP server advertises.")
    private String mediaHost;
    @UriParam(label = "producer")
    @Metadata(description = "The port the platform receives media on (a gb28181-rtp consumer listening there). A"
                            + " header CamelGb28181MediaPort overrides it. Required by play, playback and download.")
    private Integer mediaPort;
    @UriParam(label = "producer", defaultValue = "udp", enums = "udp,tcp-passive,tcp-active")
    @Metadata(description = "How media flows: udp; tcp-passive (the platform listens, the device connects); or"
                            + " tcp-active (the platform connects to the device).")
    private String mediaTransport = "udp";

    public Gb28181Configuration copy() {
        try {
            return (Gb28181Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The realm in effect: the configured one, else the domain. */
    public String effectiveRealm() {
        return realm != null && !realm.isEmpty() ? realm : domain;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public String getAdvertisedAddress() {
        return advertisedAddress;
    }

    public void setAdvertisedAddress(String advertisedAddress) {
        this.advertisedAddress = advertisedAddress;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDevicePasswords() {
        return devicePasswords;
    }

    public void setDevicePasswords(String devicePasswords) {
        this.devicePasswords = devicePasswords;
    }

    public io.github.gb28181.camel.sip.auth.CredentialLookup getCredentialLookup() {
        return credentialLookup;
    }

    public void setCredentialLookup(io.github.gb28181.camel.sip.auth.CredentialLookup credentialLookup) {
        this.credentialLookup = credentialLookup;
    }

    public boolean isDigestQop() {
        return digestQop;
    }

    public void setDigestQop(boolean digestQop) {
        this.digestQop = digestQop;
    }

    public boolean isRegisterDateHeader() {
        return registerDateHeader;
    }

    public void setRegisterDateHeader(boolean registerDateHeader) {
        this.registerDateHeader = registerDateHeader;
    }

    public long getKeepaliveTimeout() {
        return keepaliveTimeout;
    }

    public void setKeepaliveTimeout(long keepaliveTimeout) {
        this.keepaliveTimeout = keepaliveTimeout;
    }

    public long getAggregationTimeout() {
        return aggregationTimeout;
    }

    public void setAggregationTimeout(long aggregationTimeout) {
        this.aggregationTimeout = aggregationTimeout;
    }

    public int getOverloadQueueSize() {
        return overloadQueueSize;
    }

    public void setOverloadQueueSize(int overloadQueueSize) {
        this.overloadQueueSize = overloadQueueSize;
    }

    public int getOverloadPriorityQueueSize() {
        return overloadPriorityQueueSize;
    }

    public void setOverloadPriorityQueueSize(int overloadPriorityQueueSize) {
        this.overloadPriorityQueueSize = overloadPriorityQueueSize;
    }

    public long getOverloadMaxDelay() {
        return overloadMaxDelay;
    }

    public void setOverloadMaxDelay(long overloadMaxDelay) {
        this.overloadMaxDelay = overloadMaxDelay;
    }

    public int getQueryRate() {
        return queryRate;
    }

    public void setQueryRate(int queryRate) {
        this.queryRate = queryRate;
    }

    public int getMaxQueriesInFlight() {
        return maxQueriesInFlight;
    }

    public void setMaxQueriesInFlight(int maxQueriesInFlight) {
        this.maxQueriesInFlight = maxQueriesInFlight;
    }

    public long getOverloadRetryAfter() {
        return overloadRetryAfter;
    }

    public void setOverloadRetryAfter(long overloadRetryAfter) {
        this.overloadRetryAfter = overloadRetryAfter;
    }

    public String getDigestAlgorithm() {
        return digestAlgorithm;
    }

    public void setDigestAlgorithm(String digestAlgorithm) {
        this.digestAlgorithm = digestAlgorithm;
    }

    public String getGbVersion() {
        return gbVersion;
    }

    public void setGbVersion(String gbVersion) {
        this.gbVersion = gbVersion;
    }

    public boolean isStrictUsername() {
        return strictUsername;
    }

    public void setStrictUsername(boolean strictUsername) {
        this.strictUsername = strictUsername;
    }

    public int getMaxAuthFailures() {
        return maxAuthFailures;
    }

    public void setMaxAuthFailures(int maxAuthFailures) {
        this.maxAuthFailures = maxAuthFailures;
    }

    public long getAuthLockout() {
        return authLockout;
    }

    public void setAuthLockout(long authLockout) {
        this.authLockout = authLockout;
    }

    public String getAllowedDevices() {
        return allowedDevices;
    }

    public void setAllowedDevices(String allowedDevices) {
        this.allowedDevices = allowedDevices;
    }

    public String getDeniedDevices() {
        return deniedDevices;
    }

    public void setDeniedDevices(String deniedDevices) {
        this.deniedDevices = deniedDevices;
    }

    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(String allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }

    public String getDeniedAddresses() {
        return deniedAddresses;
    }

    public void setDeniedAddresses(String deniedAddresses) {
        this.deniedAddresses = deniedAddresses;
    }

    public String getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public long getTcpMessageTimeout() {
        return tcpMessageTimeout;
    }

    public void setTcpMessageTimeout(long tcpMessageTimeout) {
        this.tcpMessageTimeout = tcpMessageTimeout;
    }

    public long getTcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    public void setTcpIdleTimeout(long tcpIdleTimeout) {
        this.tcpIdleTimeout = tcpIdleTimeout;
    }

    public int getMaxTcpConnectionsPerAddress() {
        return maxTcpConnectionsPerAddress;
    }

    public void setMaxTcpConnectionsPerAddress(int maxTcpConnectionsPerAddress) {
        this.maxTcpConnectionsPerAddress = maxTcpConnectionsPerAddress;
    }

    public String getDeviceIdPattern() {
        return deviceIdPattern;
    }

    public void setDeviceIdPattern(String deviceIdPattern) {
        this.deviceIdPattern = deviceIdPattern;
    }

    public AddressBinding.Mode getDeviceAddressBinding() {
        return deviceAddressBinding;
    }

    public void setDeviceAddressBinding(AddressBinding.Mode deviceAddressBinding) {
        this.deviceAddressBinding = deviceAddressBinding;
    }

    public boolean isAnswerAfterProcessing() {
        return answerAfterProcessing;
    }

    public void setAnswerAfterProcessing(boolean answerAfterProcessing) {
        this.answerAfterProcessing = answerAfterProcessing;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public boolean isWaitForResult() {
        return waitForResult;
    }

    public void setWaitForResult(boolean waitForResult) {
        this.waitForResult = waitForResult;
    }

    public String getMediaHost() {
        return mediaHost;
    }

    public void setMediaHost(String mediaHost) {
        this.mediaHost = mediaHost;
    }

    public Integer getMediaPort() {
        return mediaPort;
    }

    public void setMediaPort(Integer mediaPort) {
        this.mediaPort = mediaPort;
    }

    public String getMediaTransport() {
        return mediaTransport;
    }

    public void setMediaTransport(String mediaTransport) {
        this.mediaTransport = mediaTransport;
    }
}

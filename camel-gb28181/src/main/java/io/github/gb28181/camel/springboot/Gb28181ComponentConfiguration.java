package io.github.gb28181.camel.springboot;

import java.time.Duration;
import java.util.List;

import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.Gb28181Upstream;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformCluster;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A GB/T 28181 platform endpoint: gb28181:events consumes device events; gb28181:catalog, gb28181:ptz and the other
 * commands send a query or a control command to a device.
 * <p>
 * Written by hand in the shape camel-spring-boot generates (its generator only runs inside Apache's build): one
 * property per component option of {@code gb28181.json}, same names, defaults and descriptions.
 * {@code Gb28181ComponentConfigurationTest} fails when an option is added to the component and not here.
 */
@ConfigurationProperties(prefix = "camel.component.gb28181")
public class Gb28181ComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the gb28181 component. This is enabled by default.
     */
    // the superclass owns the flag; this field exists only so the metadata processor finds a description for it
    @SuppressWarnings("unused")
    private Boolean enabled;
    /**
     * The address devices can reach the platform at, written into Via and Contact headers. Needed when the server
     * listens on 0.0.0.0; defaults to the listen address, or the first non-loopback address of the machine.
     */
    private String advertisedAddress;
    /**
     * Answer a device's MESSAGE only once the routes processed its event: 200 when they succeeded, 500 when one failed
     * (the device may send it again), instead of 200 at once. Multi-message answers (Catalog, RecordInfo) are still
     * answered part by part.
     */
    private Boolean answerAfterProcessing = false;
    /**
     * How long to wait for the next part of a multi-message answer (Catalog, RecordInfo) before emitting what
     * arrived, marked partial. The option is a java.time.Duration: 5s, 1m, PT5S, or a plain number of milliseconds.
     */
    // Duration, not the Long camel-spring-boot generates for a long duration option: Spring binds "5s" only to a
    // Duration, and still reads a bare number as milliseconds, which is what the component takes
    private Duration aggregationTimeout = Duration.ofSeconds(5);
    /**
     * The local address the cascade relays media on: where devices send the video an upper platform asked for, and
     * where it is sent on from. The SDP names the advertised address.
     */
    private String cascadeMediaHost = "0.0.0.0";
    /**
     * How devices send the video the cascade relays: udp, tcp-passive (the device connects to the relay) or
     * tcp-active (the relay connects to the device). Towards the upper platform the transport is the one its INVITE
     * asks for.
     */
    private String cascadeMediaTransport = "udp";
    /**
     * Upper platforms to register to as a lower platform (cascade): each gets our shared channels in its catalog, can
     * query and control them, and receives their video relayed. A list of Gb28181Upstream beans (address, serverId,
     * localId, password, transport, and what is shared), which Spring Boot binds from indexed
     * camel.component.gb28181.upstreams properties.
     */
    private List<Gb28181Upstream> upstreams;
    /**
     * The shared platform configuration; endpoint options override it. The option is a
     * io.github.gb28181.camel.Gb28181Configuration type.
     */
    private Gb28181Configuration configuration;
    /**
     * The SIP domain: the first ten digits of the platform id by convention.
     */
    private String domain = "3402000000";
    /**
     * The address the SIP server listens on.
     */
    private String host = "0.0.0.0";
    /**
     * How long a device may stay silent (no keepalive, no registration refresh) before it is declared offline.
     * Default three missed 60 s keepalives. The option is a java.time.Duration: 90s, 3m, PT3M, or a plain number of
     * milliseconds.
     */
    private Duration keepaliveTimeout = Duration.ofMinutes(3);
    /**
     * Queries and subscriptions sent and not answered yet at most (0: no limit): devices that do not answer hold up
     * the next ones rather than add more retransmitting requests. While more wait than the larger of this and
     * queryRate, new devices registering are told 503 to come back later; past twice as many, a query fails at once
     * (PlatformBusyException).
     */
    private Integer maxQueriesInFlight = 2000;
    /**
     * The longest a UDP request waits for a SIP worker: one that waited longer is dropped, because its sender has
     * retransmitted it by then (T1). New devices are turned away (503) once the oldest of their requests has waited
     * half as long. The option is a java.time.Duration: 500ms, 1s, PT0.5S, or a plain number of milliseconds.
     */
    private Duration overloadMaxDelay = Duration.ofMillis(500);
    /**
     * How many UDP datagrams each of the two queues of registered devices may hold while they wait for a SIP worker:
     * one for what the devices say of their own accord (keepalives, alarms, re-REGISTERs), served first, and one for
     * their answers to queries and the responses to the platform's requests; past it they are dropped, and devices
     * retransmit.
     */
    private Integer overloadPriorityQueueSize = 4000;
    /**
     * How many UDP requests from senders the platform does not know (new devices' REGISTERs, mostly) may wait for a
     * SIP worker. Past half of it a new device's REGISTER is answered 503 with Retry-After, and the device comes back
     * later; past all of it any request from an unknown sender is. Registered devices' requests wait in queues of
     * their own, served first.
     */
    private Integer overloadQueueSize = 1000;
    /**
     * The shortest Retry-After a device turned away with 503 is told (whole seconds). The longest grows with how many
     * were turned away lately, so that they come back spread over the time the platform needs to serve them. The
     * option is a java.time.Duration: 5s, 1m, PT5S, or a plain number of milliseconds.
     */
    private Duration overloadRetryAfter = Duration.ofSeconds(5);
    /**
     * Queries and subscriptions sent per second at most (0: no limit). Those a route asks for faster wait their turn,
     * within their timeout: a storm of registrations whose routes query every device does not become a storm of
     * requests retransmitting for 32 s.
     */
    private Integer queryRate = 5000;
    /**
     * The port the SIP server listens on, for every enabled transport.
     */
    private Integer port = 5060;
    /**
     * Whether the 200 OK to a REGISTER carries a Date header (yyyy-MM-dd'T'HH:mm:ss.SSS) that devices use to set
     * their clock.
     */
    private Boolean registerDateHeader = true;
    /**
     * The GB/T 28181 revision the platform speaks and announces in X-GB-Ver on every answer to a REGISTER: 3.0 (GB/T
     * 28181-2022) or 2.0 (2016). With each device it speaks the lower of this and what the device announced (2.0 when
     * it announced nothing): GB18030 and IFrameCmd for 3.0, and 2022-only commands are refused to a device that
     * announced 2.0.
     */
    private String gbVersion = "3.0";
    /**
     * The platform's own 20-digit SIP id (the id devices register to).
     */
    private String serverId = "34020000002000000001";
    /**
     * Comma-separated SIP transports to listen on: UDP, TCP or both.
     */
    private String transports = "UDP,TCP";
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Where the platform receives media, written into the INVITE's SDP (c=). Defaults to the address the SIP server
     * advertises.
     */
    private String mediaHost;
    /**
     * The port the platform receives media on (a gb28181-rtp consumer listening there). A header
     * CamelGb28181MediaPort overrides it. Required by play, playback and download.
     */
    private Integer mediaPort;
    /**
     * How media flows: udp; tcp-passive (the platform listens, the device connects); or tcp-active (the platform
     * connects to the device).
     */
    private String mediaTransport = "udp";
    /**
     * How long to wait for the device's answer before failing the exchange. The option is a java.time.Duration: 10s,
     * 500ms, PT10S, or a plain number of milliseconds.
     */
    private Duration timeout = Duration.ofSeconds(10);
    /**
     * Whether a control command waits for the device's DeviceControl or DeviceConfig Response and returns it, rather
     * than completing when the device accepts the MESSAGE.
     */
    private Boolean waitForResult = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Makes this platform one node of a cluster behind a SIP proxy: the device registry, the node membership, the
     * answers that reach another node than the one waiting and the media sessions are shared through it (see
     * docs/cluster.md; camel-gb28181-cluster has one on Hazelcast). Its device store is used unless deviceStore is
     * set. Default: a single node. The option is a io.github.gb28181.camel.platform.PlatformCluster type.
     */
    private PlatformCluster cluster;
    /**
     * The registry of devices and channels. One is created when none is given; share one between components to see
     * every device in one place. The option is a io.github.gb28181.camel.device.DeviceRegistry type.
     */
    private DeviceRegistry deviceRegistry;
    /**
     * Where the device registry is kept across restarts, so registered devices are known before they register
     * again. Default: nothing kept, unless deviceStoreDirectory is set. The option is a
     * io.github.gb28181.camel.device.DeviceStore type.
     */
    private DeviceStore deviceStore;
    /**
     * A folder to keep the device registry in (one JSON file per device), when no deviceStore is bound.
     */
    private String deviceStoreDirectory;
    /**
     * Where media sessions announce their SSRC to the gb28181-rtp consumers, so frames carry device and channel. By
     * default both components share one, found or bound in the Camel registry. The option is a
     * io.github.gb28181.camel.media.MediaSessionRegistry type.
     */
    private MediaSessionRegistry mediaSessionRegistry;
    /**
     * Comma-separated addresses or CIDR blocks devices may come from (10.0.0.0/8, 192.168.1.20). Default: anywhere.
     */
    private String allowedAddresses;
    /**
     * Comma-separated device ids allowed to register; an id ending in an asterisk is a wildcard for every id that
     * starts with the rest (34020000001320 and an asterisk: every id beginning 34020000001320). Default: every device.
     */
    private String allowedDevices;
    /**
     * How long a device id at an address, or an address, stays refused after maxAuthFailures wrong passwords.
     */
    private Duration authLockout = Duration.ofMinutes(10);
    /**
     * A lookup of device passwords, for a credentials store of your own. Overrides password and devicePasswords. The
     * option is a io.github.gb28181.camel.sip.auth.CredentialLookup type.
     */
    private CredentialLookup credentialLookup;
    /**
     * Comma-separated addresses or CIDR blocks refused.
     */
    private String deniedAddresses;
    /**
     * Comma-separated device ids refused; an id ending in an asterisk is a wildcard for every id that starts with the
     * rest.
     */
    private String deniedDevices;
    /**
     * Per-device passwords as deviceOrUser=password pairs separated by commas, for devices whose password differs
     * from the default one. The key is matched against the device id and against the digest username.
     */
    private String devicePasswords;
    /**
     * Whether the digest challenge offers qop=auth. Devices that do not support qop answer without it either way;
     * turn it off only for a device that fails on the offer.
     */
    private Boolean digestQop = true;
    /**
     * The hash the digest challenge names: MD5, or SM3 (GB/T 32905), which GB/T 28181-2022 8.3 recommends for
     * signalling. SM3 needs org.bouncycastle:bcprov-jdk18on on the class path. A device is checked with the algorithm
     * its answer names, so MD5-only devices still register when SM3 is offered.
     */
    private String digestAlgorithm = "MD5";
    /**
     * How long a SIP message over TCP may take to arrive, headers and body, from its first byte: a connection whose
     * message takes longer is closed (slow headers hold a file descriptor each).
     */
    private Duration tcpMessageTimeout = Duration.ofSeconds(10);
    /**
     * How long a TCP connection on which no device was accepted (no REGISTER, MESSAGE or NOTIFY answered 2xx) may
     * stay without a byte before it is closed. Devices' own connections stay open between keepalives.
     */
    private Duration tcpIdleTimeout = Duration.ofMinutes(1);
    /**
     * TCP connections one IP address may hold open to the SIP server at once; more are closed at once. Cameras of
     * one site behind one NAT share its address: raise it for large sites that use TCP.
     */
    private Integer maxTcpConnectionsPerAddress = 256;
    /**
     * The regular expression a device id must match to register: GB/T 28181 ids are 20 digits. A REGISTER from any
     * other id gets 400 Invalid device id. Widen it only for devices with ids of another form (18 to 20 digits,
     * say); the device store never uses an id as a file name unless it is plain letters and digits.
     */
    private String deviceIdPattern = "[0-9]{20}";
    /**
     * Where a registered device may send MESSAGEs (keepalives, alarms, answers) from. HOST: its registration's IP
     * address, any port (a NAT may rebind the port); a MESSAGE from another IP address gets 403, and the device must
     * REGISTER again, with digest, to move. HOST_AND_PORT: the same IP address and port. ANY: the device is followed to
     * wherever it is heard from; then anyone who knows a device id takes the device over (its INVITEs, PTZ commands
     * and queries) with one unauthenticated MESSAGE, so only where every sender on the network is trusted.
     */
    private String deviceAddressBinding = "HOST";
    /**
     * Comma-separated addresses or CIDR blocks of the SIP proxies in front of the platform (the edge of a cluster,
     * see docs/cluster.md). A request relayed by one of them is taken to come from the address the proxy wrote into
     * the device's Via (received, rport), and a REGISTER's Path headers are kept so requests to the device go back
     * through the proxy. Default: none, every request comes from its packet source.
     */
    private String trustedProxies;
    /**
     * Wrong passwords for one device id from one address, or from one address for any ids, before that device id at
     * that address, or that address, is refused for authLockout (an AUTH_LOCKED event says so). A device id is never
     * locked out as such: a device registered from its own address is not refused for failures from elsewhere. 0
     * never locks out.
     */
    private Integer maxAuthFailures = 5;
    /**
     * The password every device uses unless the credentials lookup has one of its own. When no password is set at
     * all, devices register without authentication.
     */
    private String password;
    /**
     * The digest authentication realm; defaults to the domain.
     */
    private String realm;
    /**
     * Strict mode: the digest username must equal the device id, so no two devices share an account such as admin.
     */
    private Boolean strictUsername = false;
    /**
     * A Micrometer registry to publish the platform's meters to: gb28181.devices, gb28181.media.sessions,
     * gb28181.auth.failures, gb28181.auth.lockouts and the gb28181.sip meters. Found in the Camel registry when
     * there is exactly one. The option is a io.micrometer.core.instrument.MeterRegistry type.
     */
    private MeterRegistry meterRegistry;

    public String getAdvertisedAddress() {
        return advertisedAddress;
    }

    public void setAdvertisedAddress(String advertisedAddress) {
        this.advertisedAddress = advertisedAddress;
    }

    public Duration getAggregationTimeout() {
        return aggregationTimeout;
    }

    public void setAggregationTimeout(Duration aggregationTimeout) {
        this.aggregationTimeout = aggregationTimeout;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
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

    public Integer getMaxQueriesInFlight() {
        return maxQueriesInFlight;
    }

    public void setMaxQueriesInFlight(Integer maxQueriesInFlight) {
        this.maxQueriesInFlight = maxQueriesInFlight;
    }

    public Duration getOverloadMaxDelay() {
        return overloadMaxDelay;
    }

    public void setOverloadMaxDelay(Duration overloadMaxDelay) {
        this.overloadMaxDelay = overloadMaxDelay;
    }

    public Integer getOverloadPriorityQueueSize() {
        return overloadPriorityQueueSize;
    }

    public void setOverloadPriorityQueueSize(Integer overloadPriorityQueueSize) {
        this.overloadPriorityQueueSize = overloadPriorityQueueSize;
    }

    public Integer getOverloadQueueSize() {
        return overloadQueueSize;
    }

    public void setOverloadQueueSize(Integer overloadQueueSize) {
        this.overloadQueueSize = overloadQueueSize;
    }

    public Duration getOverloadRetryAfter() {
        return overloadRetryAfter;
    }

    public void setOverloadRetryAfter(Duration overloadRetryAfter) {
        this.overloadRetryAfter = overloadRetryAfter;
    }

    public Integer getQueryRate() {
        return queryRate;
    }

    public void setQueryRate(Integer queryRate) {
        this.queryRate = queryRate;
    }

    public Duration getKeepaliveTimeout() {
        return keepaliveTimeout;
    }

    public void setKeepaliveTimeout(Duration keepaliveTimeout) {
        this.keepaliveTimeout = keepaliveTimeout;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Boolean getRegisterDateHeader() {
        return registerDateHeader;
    }

    public void setRegisterDateHeader(Boolean registerDateHeader) {
        this.registerDateHeader = registerDateHeader;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
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

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Boolean getWaitForResult() {
        return waitForResult;
    }

    public void setWaitForResult(Boolean waitForResult) {
        this.waitForResult = waitForResult;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public DeviceRegistry getDeviceRegistry() {
        return deviceRegistry;
    }

    public void setDeviceRegistry(DeviceRegistry deviceRegistry) {
        this.deviceRegistry = deviceRegistry;
    }

    public PlatformCluster getCluster() {
        return cluster;
    }

    public void setCluster(PlatformCluster cluster) {
        this.cluster = cluster;
    }

    public String getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public DeviceStore getDeviceStore() {
        return deviceStore;
    }

    public void setDeviceStore(DeviceStore deviceStore) {
        this.deviceStore = deviceStore;
    }

    public String getDeviceStoreDirectory() {
        return deviceStoreDirectory;
    }

    public void setDeviceStoreDirectory(String deviceStoreDirectory) {
        this.deviceStoreDirectory = deviceStoreDirectory;
    }

    public MediaSessionRegistry getMediaSessionRegistry() {
        return mediaSessionRegistry;
    }

    public void setMediaSessionRegistry(MediaSessionRegistry mediaSessionRegistry) {
        this.mediaSessionRegistry = mediaSessionRegistry;
    }

    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(String allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }

    public String getAllowedDevices() {
        return allowedDevices;
    }

    public void setAllowedDevices(String allowedDevices) {
        this.allowedDevices = allowedDevices;
    }

    public Duration getAuthLockout() {
        return authLockout;
    }

    public void setAuthLockout(Duration authLockout) {
        this.authLockout = authLockout;
    }

    public CredentialLookup getCredentialLookup() {
        return credentialLookup;
    }

    public void setCredentialLookup(CredentialLookup credentialLookup) {
        this.credentialLookup = credentialLookup;
    }

    public String getDeniedAddresses() {
        return deniedAddresses;
    }

    public void setDeniedAddresses(String deniedAddresses) {
        this.deniedAddresses = deniedAddresses;
    }

    public String getDeniedDevices() {
        return deniedDevices;
    }

    public void setDeniedDevices(String deniedDevices) {
        this.deniedDevices = deniedDevices;
    }

    public String getDevicePasswords() {
        return devicePasswords;
    }

    public void setDevicePasswords(String devicePasswords) {
        this.devicePasswords = devicePasswords;
    }

    public String getGbVersion() {
        return gbVersion;
    }

    public void setGbVersion(String gbVersion) {
        this.gbVersion = gbVersion;
    }

    public String getDigestAlgorithm() {
        return digestAlgorithm;
    }

    public void setDigestAlgorithm(String digestAlgorithm) {
        this.digestAlgorithm = digestAlgorithm;
    }

    public Boolean getDigestQop() {
        return digestQop;
    }

    public void setDigestQop(Boolean digestQop) {
        this.digestQop = digestQop;
    }

    public Boolean getAnswerAfterProcessing() {
        return answerAfterProcessing;
    }

    public void setAnswerAfterProcessing(Boolean answerAfterProcessing) {
        this.answerAfterProcessing = answerAfterProcessing;
    }

    public Duration getTcpMessageTimeout() {
        return tcpMessageTimeout;
    }

    public void setTcpMessageTimeout(Duration tcpMessageTimeout) {
        this.tcpMessageTimeout = tcpMessageTimeout;
    }

    public Duration getTcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    public void setTcpIdleTimeout(Duration tcpIdleTimeout) {
        this.tcpIdleTimeout = tcpIdleTimeout;
    }

    public Integer getMaxTcpConnectionsPerAddress() {
        return maxTcpConnectionsPerAddress;
    }

    public void setMaxTcpConnectionsPerAddress(Integer maxTcpConnectionsPerAddress) {
        this.maxTcpConnectionsPerAddress = maxTcpConnectionsPerAddress;
    }

    public String getDeviceIdPattern() {
        return deviceIdPattern;
    }

    public void setDeviceIdPattern(String deviceIdPattern) {
        this.deviceIdPattern = deviceIdPattern;
    }

    public String getDeviceAddressBinding() {
        return deviceAddressBinding;
    }

    public void setDeviceAddressBinding(String deviceAddressBinding) {
        this.deviceAddressBinding = deviceAddressBinding;
    }

    public Integer getMaxAuthFailures() {
        return maxAuthFailures;
    }

    public void setMaxAuthFailures(Integer maxAuthFailures) {
        this.maxAuthFailures = maxAuthFailures;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public Boolean getStrictUsername() {
        return strictUsername;
    }

    public void setStrictUsername(Boolean strictUsername) {
        this.strictUsername = strictUsername;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public String getCascadeMediaHost() {
        return cascadeMediaHost;
    }

    public void setCascadeMediaHost(String cascadeMediaHost) {
        this.cascadeMediaHost = cascadeMediaHost;
    }

    public String getCascadeMediaTransport() {
        return cascadeMediaTransport;
    }

    public void setCascadeMediaTransport(String cascadeMediaTransport) {
        this.cascadeMediaTransport = cascadeMediaTransport;
    }

    public List<Gb28181Upstream> getUpstreams() {
        return upstreams;
    }

    public void setUpstreams(List<Gb28181Upstream> upstreams) {
        this.upstreams = upstreams;
    }
}

package io.github.gb28181.camel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.device.FileDeviceStore;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformCluster;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.upstream.UpstreamLink;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GB/T 28181 platform component: a SIP server devices register to, device events as exchanges, and commands
 * to devices. Endpoints with the same host and port share one SIP server, started by the first consumer or producer
 * that needs it and stopped when the last one lets go.
 */
@Component("gb28181")
public class Gb28181Component extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Component.class);

    @Metadata(description = "The shared platform configuration; endpoint options override it.")
    private Gb28181Configuration configuration = new Gb28181Configuration();
    @Metadata(label = "advanced", autowired = true,
              description = "The registry of devices and channels. One is created when none is given; share one"
                            + " between components to see every device in one place.")
    private DeviceRegistry deviceRegistry;
    @Metadata(label = "advanced", autowired = true,
              description = "Where media sessions announce their SSRC to the gb28181-rtp consumers, so frames carry"
                            + " device and channel. By default both components share one, found or bound in the"
                            + " Camel registry.")
    private MediaSessionRegistry mediaSessionRegistry;

    @Metadata(label = "advanced", autowired = true,
              description = "Where the device registry is kept across restarts, so registered devices are known"
                            + " before they register again. Default: nothing kept, unless deviceStoreDirectory is set.")
    private DeviceStore deviceStore;
    @Metadata(label = "advanced", autowired = true,
              description = "Makes this platform one node of a cluster behind a SIP proxy: the device registry, the"
                            + " node membership, the answers that reach another node than the one waiting and the"
                            + " media sessions are shared through it (see docs/cluster.md; camel-gb28181-cluster has one on"
                            + " Hazelcast). Its device store is used unless deviceStore is set. Default: a single"
                            + " node.")
    private PlatformCluster cluster;
    @Metadata(label = "advanced",
              description = "A folder to keep the device registry in (one JSON file per device), when no deviceStore"
                            + " is bound.")
    private String deviceStoreDirectory;

    @Metadata(label = "advanced", autowired = true,
              description = "A Micrometer registry to publish the platform's meters to: gb28181.devices,"
                            + " gb28181.media.sessions, gb28181.auth.failures, gb28181.auth.lockouts and the"
                            + " gb28181.sip meters. Found in the Camel registry when there is exactly one.")
    private MeterRegistry meterRegistry;

    @Metadata(label = "cascade",
              description = "Upper platforms to register to as a lower platform (cascade): each gets our shared"
                            + " channels in its catalog, can query and control them, and receives their video"
                            + " relayed. A list of Gb28181Upstream beans (address, serverId, localId, password,"
                            + " transport, and what is shared), which Spring Boot binds from indexed"
                            + " camel.component.gb28181.upstreams properties.")
    private List<Gb28181Upstream> upstreams = new ArrayList<>();
    @Metadata(label = "cascade", defaultValue = "0.0.0.0",
              description = "The local address the cascade relays media on: where devices send the video an upper"
                            + " platform asked for, and where it is sent on from. The SDP names the advertised"
                            + " address.")
    private String cascadeMediaHost = "0.0.0.0";
    @Metadata(label = "cascade", defaultValue = "udp", enums = "udp,tcp-passive,tcp-active",
              description = "How devices send the video the cascade relays: udp, tcp-passive (the device connects to"
                            + " the relay) or tcp-active (the relay connects to the device). Towards the upper"
                            + " platform the transport is the one its INVITE asks for.")
    private String cascadeMediaTransport = "udp";

    private FileDeviceStore ownStore;
    private PlatformServer cascadeServer;
    private final List<UpstreamLink> cascadeLinks = new ArrayList<>();
    private Gb28181HealthCheck healthCheck;
    private Gb28181Metrics metrics;

    private final Map<String, SharedServer> servers = new HashMap<>();
    private ExecutorService replyExecutor;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Gb28181Endpoint endpoint = new Gb28181Endpoint(uri, this, configuration.copy());
        endpoint.setCommand(Gb28181Command.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        replyExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "gb28181-replies");
        // defaults are made here, not at init: Camel autowires after init, and only options that read as unset
        if (deviceRegistry == null) {
            deviceRegistry = new DeviceRegistry();
        }
        if (mediaSessionRegistry == null) {
            mediaSessionRegistry = SharedMediaSessionRegistry.of(getCamelContext());
        }
        if (meterRegistry != null) {
            metrics = Gb28181Metrics.bind(meterRegistry, this);
        }
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null) {
            healthCheck = new Gb28181HealthCheck(this);
            healthCheck.setCamelContext(getCamelContext());
            health.register(healthCheck);
        }
        if (cluster != null) {
            getDeviceRegistry().setMembership(cluster.membership());
            if (deviceStore == null) {
                deviceStore = cluster.deviceStore();
            }
            LOG.info("Node {} of a cluster", cluster.membership().localNode());
        }
        if (deviceStore == null && deviceStoreDirectory != null && !deviceStoreDirectory.isBlank()) {
            ownStore = new FileDeviceStore(Path.of(deviceStoreDirectory));
            deviceStore = ownStore;
        }
        if (deviceStore != null) {
            getDeviceRegistry().setStore(deviceStore);
            int restored = getDeviceRegistry().restore();
            LOG.info("Restored {} devices from the device store", restored);
        }
        if (upstreams != null && !upstreams.isEmpty()) {
            startCascade();
        }
    }

    /** Registers to each upper platform from the component's own SIP server, which the cascade keeps running. */
    private synchronized void startCascade() throws Exception {
        for (Gb28181Upstream upstream : upstreams) {
            connect(upstream);
        }
    }

    private void connect(Gb28181Upstream upstream) throws Exception {
        if (cascadeServer == null) {
            cascadeServer = acquireServer(configuration, "the upstreams option");
        }
        cascadeLinks.add(new Cascades(getCamelContext()).link(cascadeServer, upstream, configuration.getServerId(),
                cascadeMediaHost, MediaTransportMode.of(cascadeMediaTransport)));
    }

    /** The server for the configuration's address, started on first use. */
    PlatformServer acquireServer(Gb28181Configuration config) throws Exception {
        return acquireServer(config, "the component");
    }

    /**
     * The server for the endpoint's address, started on first use. An endpoint whose server options differ from
     * those the server there runs with is refused: it would silently get the other's identity and policy.
     */
    synchronized PlatformServer acquireServer(Gb28181Configuration config, String user) throws Exception {
        SharedServer shared = servers.get(PlatformServers.key(config));
        if (shared == null) {
            PlatformServer server = PlatformServers.create(config, getDeviceRegistry(), getMediaSessionRegistry(), cluster,
                    new CamelThreads(getCamelContext(), this));
            server.start();
            shared = new SharedServer(server, config, user);
            servers.put(PlatformServers.key(config), shared);
        } else {
            List<String> conflicts = PlatformServers.conflicts(shared.config, config);
            if (!conflicts.isEmpty()) {
                throw new IllegalArgumentException(
                        "Cannot start " + user + ": the gb28181 SIP server on " + PlatformServers.key(config)
                                                   + " already runs for " + shared.user + " with other settings: "
                                                   + String.join(", ", conflicts) + ". Endpoints that share a host"
                                                   + " and port share one SIP server: set these options on the"
                                                   + " component, or give this endpoint a port of its own.");
            }
        }
        shared.references++;
        return shared.server;
    }

    /** Where producers' exchanges continue once a device answered or the wait timed out. */
    Executor replyExecutor() {
        return replyExecutor;
    }

    /** Lets go of the server; the last one out stops it and frees the port. */
    synchronized void releaseServer(Gb28181Configuration config) {
        String key = PlatformServers.key(config);
        SharedServer shared = servers.get(key);
        if (shared != null && --shared.references <= 0) {
            servers.remove(key);
            shared.server.stop();
        }
    }

    /** The SIP servers running now, for the meters. */
    synchronized List<PlatformServer> runningServers() {
        return servers.values().stream().map(shared -> shared.server).toList();
    }

    /** Each shared SIP server's address and whether it is listening, for the health check. */
    synchronized Map<String, Boolean> serverStates() {
        Map<String, Boolean> states = new java.util.TreeMap<>();
        servers.forEach((key, shared) -> states.put(key, shared.server.sipServer().provider() != null));
        return states;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (cascadeServer != null) {
            cascadeLinks.forEach(link -> cascadeServer.upstreams().remove(link));
            cascadeLinks.clear();
            releaseServer(configuration);
            cascadeServer = null;
        }
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null && healthCheck != null) {
            health.unregister(healthCheck);
        }
        if (metrics != null) {
            metrics.unbind();
            metrics = null;
        }
        for (SharedServer shared : servers.values()) {
            shared.server.stop();
        }
        servers.clear();
        if (replyExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(replyExecutor);
            replyExecutor = null;
        }
        if (ownStore != null) {
            ownStore.close();
            deviceStore = null;
            ownStore = null;
        } else if (deviceStore != null) {
            deviceStore.flush();
        }
        super.doStop();
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

    /**
     * Adds an upper platform to register to: at start when the component has not started yet, else at once.
     *
     * @throws Exception when the SIP server cannot start, or the upper platform's settings are not valid
     */
    public synchronized void addUpstream(Gb28181Upstream upstream) throws Exception {
        if (upstreams == null) {
            upstreams = new ArrayList<>();
        }
        upstreams.add(upstream);
        if (isStarted()) {
            connect(upstream);
        }
    }

    /**
     * Unregisters from an upper platform and forgets it.
     *
     * @param  name its name (or server id, when it has no name)
     * @return      whether there was one by that name
     */
    public synchronized boolean removeUpstream(String name) {
        boolean removed = upstreams != null
                          && upstreams.removeIf(u -> name.equals(u.getName() != null ? u.getName() : u.getServerId()));
        for (UpstreamLink link : List.copyOf(cascadeLinks)) {
            if (link.settings().name().equals(name)) {
                cascadeLinks.remove(link);
                cascadeServer.upstreams().remove(link);
                removed = true;
            }
        }
        return removed;
    }

    /** The links to the upper platforms of the upstreams option, while the component runs. */
    public List<UpstreamLink> getUpstreamLinks() {
        return List.copyOf(cascadeLinks);
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * The registry of devices and channels; null until the component starts (when one is created unless given),
     * because Camel's autowiring only fills options that read as unset.
     */
    public DeviceRegistry getDeviceRegistry() {
        return deviceRegistry;
    }

    public void setDeviceRegistry(DeviceRegistry deviceRegistry) {
        this.deviceRegistry = deviceRegistry;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public DeviceStore getDeviceStore() {
        return deviceStore;
    }

    public void setDeviceStore(DeviceStore deviceStore) {
        this.deviceStore = deviceStore;
    }

    public PlatformCluster getCluster() {
        return cluster;
    }

    public void setCluster(PlatformCluster cluster) {
        this.cluster = cluster;
    }

    public String getDeviceStoreDirectory() {
        return deviceStoreDirectory;
    }

    public void setDeviceStoreDirectory(String deviceStoreDirectory) {
        this.deviceStoreDirectory = deviceStoreDirectory;
    }

    /** The registry media sessions announce their SSRCs to; null until the component starts, as above. */
    public MediaSessionRegistry getMediaSessionRegistry() {
        return mediaSessionRegistry;
    }

    public void setMediaSessionRegistry(MediaSessionRegistry mediaSessionRegistry) {
        this.mediaSessionRegistry = mediaSessionRegistry;
    }

    private static final class SharedServer {
        private final PlatformServer server;
        /** The configuration it was built from, and who started it: what later users must agree with. */
        private final Gb28181Configuration config;
        private final String user;
        private int references;

        private SharedServer(PlatformServer server, Gb28181Configuration config, String user) {
            this.server = server;
            this.config = config;
            this.user = user;
        }
    }
}

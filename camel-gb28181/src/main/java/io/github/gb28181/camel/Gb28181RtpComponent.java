package io.github.gb28181.camel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.gb28181.camel.media.receive.MediaEventLoops;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import io.github.gb28181.camel.media.send.MediaSenders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Receives and sends GB/T 28181 media: RTP over UDP or TCP, one exchange per frame. The component owns the threads
 * every gb28181-rtp endpoint shares, and the outgoing media sessions the signalling side opens; each consumer and
 * producer binds its own port when it starts and frees it when it stops.
 */
@Component("gb28181-rtp")
public class Gb28181RtpComponent extends DefaultComponent {

    @Metadata(description = "The shared media settings; endpoint options override them.")
    private Gb28181RtpConfiguration configuration = new Gb28181RtpConfiguration();
    @Metadata(label = "advanced", defaultValue = "1",
              description = "Threads reading the sockets of every gb28181-rtp endpoint; a UDP port is read by one.")
    private int ioThreads = 1;
    @Metadata(label = "advanced", defaultValue = "0",
              description = "Threads reordering, framing and routing media for every gb28181-rtp endpoint; each SSRC"
                            + " stays on one of them, so its frames are routed in order. 0 takes the number of"
                            + " processors.")
    private int workerThreads;

    @Metadata(label = "advanced", autowired = true,
              description = "A Micrometer registry to publish the consumers' packet, frame and stream counts to:"
                            + " gb28181.rtp.packets, gb28181.rtp.frames and gb28181.rtp.streams. Found in the Camel"
                            + " registry when there is exactly one.")
    private MeterRegistry meterRegistry;
    private MediaEventLoops eventLoops;
    private MediaSenders senders;
    private Gb28181RtpMetrics metrics;
    private final Set<Gb28181RtpConsumer> consumers = ConcurrentHashMap.newKeySet();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Gb28181RtpConfiguration config = configuration.copy();
        if (config.getRegistry() == null) {
            config.setRegistry(SharedMediaSessionRegistry.of(getCamelContext()));
        }
        Gb28181RtpEndpoint endpoint = new Gb28181RtpEndpoint(uri, this, config);
        HostAndPort address = HostAndPort.parse(remaining);
        endpoint.setHost(address.host());
        endpoint.setPort(address.port());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The threads consumers share; created on first use, released when the component stops. */
    synchronized MediaEventLoops eventLoops() {
        if (eventLoops == null) {
            CamelThreads threads = new CamelThreads(getCamelContext(), this);
            eventLoops = MediaEventLoops.create(ioThreads, workerThreads, threads.nettyThreadFactory("gb28181-rtp-io"),
                    threads.nettyThreadFactory("gb28181-rtp-media"));
        }
        return eventLoops;
    }

    /**
     * The outgoing media sessions: the signalling side opens one when it agrees to send media (an upper platform's
     * INVITE), and producers find it by the CamelGb28181SessionId header. Created on first use with the component's
     * threads and its configuration's sender settings; closed when the component stops.
     */
    public synchronized MediaSenders mediaSenders() {
        if (senders == null) {
            senders = new MediaSenders(eventLoops().io(), configuration::senderDefaults);
        }
        return senders;
    }

    /** The sessions' senders if any were opened, without creating them. */
    synchronized MediaSenders openedSenders() {
        return senders;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (meterRegistry != null) {
            metrics = Gb28181RtpMetrics.bind(meterRegistry, this);
        }
    }

    void consumerStarted(Gb28181RtpConsumer consumer) {
        consumers.add(consumer);
    }

    void consumerStopped(Gb28181RtpConsumer consumer) {
        consumers.remove(consumer);
    }

    /** What each running consumer counted, for the meters. */
    List<MediaStatistics> statistics() {
        return consumers.stream().map(Gb28181RtpConsumer::getStatistics).filter(Objects::nonNull).toList();
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    protected void doStop() throws Exception {
        if (metrics != null) {
            metrics.unbind();
            metrics = null;
        }
        super.doStop();
        synchronized (this) {
            if (senders != null) {
                senders.close();
                senders = null;
            }
            if (eventLoops != null) {
                eventLoops.close();
                eventLoops = null;
            }
        }
    }

    public Gb28181RtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181RtpConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    /** The {@code host:port} of an endpoint URI; an IPv6 host is written in brackets. */
    record HostAndPort(String host, int port) {
        static HostAndPort parse(String remaining) {
            String s = remaining.startsWith("//") ? remaining.substring(2) : remaining;
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || (s.indexOf(']') > colon)) {
                throw new IllegalArgumentException("Expected gb28181-rtp:host:port, got " + remaining);
            }
            String host = s.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new HostAndPort(host, Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Expected gb28181-rtp:host:port, got " + remaining, e);
            }
        }
    }
}

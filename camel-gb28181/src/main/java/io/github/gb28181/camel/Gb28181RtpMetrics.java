package io.github.gb28181.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.github.gb28181.camel.media.receive.MediaStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The RTP consumers' counts as meters, summed over every running gb28181-rtp consumer at scrape time: packets by
 * fate (received, lost on the network, dropped or rejected in the platform), frames delivered and damaged, streams
 * open.
 */
final class Gb28181RtpMetrics {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private Gb28181RtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static Gb28181RtpMetrics bind(MeterRegistry registry, Gb28181RtpComponent component) {
        Gb28181RtpMetrics m = new Gb28181RtpMetrics(registry);
        m.counter("gb28181.rtp.packets", "received", MediaStatistics::packetsReceived, component);
        m.counter("gb28181.rtp.packets", "lost", MediaStatistics::packetsLost, component);
        m.counter("gb28181.rtp.packets", "overloaded", MediaStatistics::packetsOverloaded, component);
        m.counter("gb28181.rtp.packets", "invalid", MediaStatistics::packetsInvalid, component);
        m.counter("gb28181.rtp.packets", "duplicate", MediaStatistics::packetsDuplicate, component);
        m.counter("gb28181.rtp.frames", "delivered", MediaStatistics::framesDelivered, component);
        m.counter("gb28181.rtp.frames", "damaged", MediaStatistics::framesDamaged, component);
        m.meters.add(Gauge.builder("gb28181.rtp.streams", component,
                c -> sum(c, MediaStatistics::streamsActive)).description("RTP streams being received")
                .register(registry));
        return m;
    }

    private void counter(String name, String kind, ToLongFunction<MediaStatistics> read, Gb28181RtpComponent source) {
        meters.add(FunctionCounter.builder(name, source, c -> sum(c, read)).tag("kind", kind).register(registry));
    }

    private static double sum(Gb28181RtpComponent component, ToLongFunction<MediaStatistics> read) {
        long total = 0;
        for (MediaStatistics statistics : component.statistics()) {
            total += read.applyAsLong(statistics);
        }
        return total;
    }

    void unbind() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}

package io.github.gb28181.camel;

import io.github.gb28181.camel.cascade.RelaySettings;
import io.github.gb28181.camel.cascade.SharedChannels;
import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.upstream.UpstreamLink;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the upstreams option into cascade links: settings, what is shared (lists, and a route that decides),
 * and the media relay when the gb28181-rtp component is there to lend its threads and senders.
 */
final class Cascades {

    private static final Logger LOG = LoggerFactory.getLogger(Cascades.class);

    private final CamelContext context;

    Cascades(CamelContext context) {
        this.context = context;
    }

    UpstreamLink link(PlatformServer server, Gb28181Upstream upstream, String platformId, String mediaHost,
                      MediaTransportMode deviceTransport) {
        SharedChannels shared = new SharedChannels(Gb28181Upstream.ids(upstream.getSharedDeviceIds()),
                Gb28181Upstream.ids(upstream.getSharedChannelIds()), decider(upstream.getShareRoute()));
        return server.cascade(upstream.settings(platformId), shared, relay(mediaHost, deviceTransport));
    }

    /** The relay borrows the gb28181-rtp component's socket threads and its outgoing sessions. */
    private RelaySettings relay(String mediaHost, MediaTransportMode deviceTransport) {
        Gb28181RtpComponent rtp = context.getComponent("gb28181-rtp", Gb28181RtpComponent.class);
        if (rtp == null) {
            LOG.warn("No gb28181-rtp component: upper platforms get catalogs and controls, but no video");
            return null;
        }
        return new RelaySettings(rtp.eventLoops().io(), rtp.mediaSenders(), mediaHost, deviceTransport);
    }

    private SharedChannels.Decider decider(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        ProducerTemplate template = context.createProducerTemplate();
        return channel -> share(template, uri, channel);
    }

    private static boolean share(ProducerTemplate template, String uri, DeviceChannel channel) {
        Exchange answer = template.request(uri, exchange -> {
            exchange.getIn().setBody(channel);
            exchange.getIn().setHeader(Gb28181Constants.DEVICE_ID, channel.deviceId());
            exchange.getIn().setHeader(Gb28181Constants.CHANNEL_ID, channel.channelId());
        });
        if (answer.getException() != null) {
            LOG.warn("The share route {} failed on channel {}: not shared", uri, channel.channelId(),
                    answer.getException());
            return false;
        }
        return Boolean.TRUE.equals(answer.getMessage().getBody(Boolean.class));
    }
}

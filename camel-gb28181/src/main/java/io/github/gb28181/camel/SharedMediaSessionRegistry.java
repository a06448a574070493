package io.github.gb28181.camel;

import java.util.Set;

import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import org.apache.camel.CamelContext;

/**
 * Finds the one MediaSessionRegistry the signalling component and the RTP component must share, so frames carry
 * the device and channel of the session that asked for them with no configuration: the registry bound in the Camel
 * registry if there is exactly one, else an in-memory one bound under {@link #NAME} for the other component to find.
 */
final class SharedMediaSessionRegistry {

    static final String NAME = "gb28181MediaSessionRegistry";

    private SharedMediaSessionRegistry() {
    }

    static MediaSessionRegistry of(CamelContext context) {
        synchronized (context) {
            Set<MediaSessionRegistry> bound = context.getRegistry().findByType(MediaSessionRegistry.class);
            if (bound.size() == 1) {
                return bound.iterator().next();
            }
            MediaSessionRegistry named = context.getRegistry().lookupByNameAndType(NAME, MediaSessionRegistry.class);
            if (named != null) {
                return named;
            }
            MediaSessionRegistry created = new InMemoryMediaSessionRegistry();
            context.getRegistry().bind(NAME, MediaSessionRegistry.class, created);
            return created;
        }
    }
}

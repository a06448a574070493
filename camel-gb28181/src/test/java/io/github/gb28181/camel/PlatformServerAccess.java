package io.github.gb28181.camel;

import io.github.gb28181.camel.platform.PlatformServer;

/**
 * The protocol-layer server behind a running component, for tests that look at what the SIP layer counted.
 */
public final class PlatformServerAccess {

    private PlatformServerAccess() {
    }

    /** The server of the component's own address; a consumer or producer must be holding it already. */
    public static PlatformServer of(Gb28181Component component) throws Exception {
        PlatformServer server = component.acquireServer(component.getConfiguration());
        component.releaseServer(component.getConfiguration());
        return server;
    }
}

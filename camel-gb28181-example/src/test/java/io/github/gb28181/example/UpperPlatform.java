package io.github.gb28181.example;

import java.time.Duration;
import java.util.Set;

import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformCommands;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.test.FreePorts;

/**
 * A second platform of ours (the protocol layer alone, no Camel context of its own) that the example platform
 * registers to as a lower platform through gb28181.upstream.*: started once, when the test classes load, before
 * Spring starts the example.
 */
final class UpperPlatform {

    static final String ID = "44010000002000000001";
    static final String PASSWORD = "upper-secret";
    static final int PORT = FreePorts.udpAndTcp();
    static final DeviceRegistry REGISTRY = new DeviceRegistry();
    static final PlatformServer SERVER = start();

    private UpperPlatform() {
    }

    /** Asks a lower platform registered here for its catalog. */
    static CatalogResponse catalog(String lowerId) throws Exception {
        return (CatalogResponse) SERVER.commands().send(PlatformCommands.Recipient.device(lowerId, lowerId),
                new CatalogQuery(), false, Duration.ofSeconds(15)).get().response();
    }

    private static PlatformServer start() {
        try {
            PlatformServer server = new PlatformServer(
                    new SipServerSettings("127.0.0.1", PORT, Set.of("UDP"), null, 1024 * 1024, 4),
                    PlatformSettings.builder().serverId(ID).domain(ID.substring(0, 10))
                            .credentials(StaticCredentialLookup.of(PASSWORD, null)).build(),
                    REGISTRY, new InMemoryMediaSessionRegistry());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "upper-platform-stop"));
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("The upper platform did not start", e);
        }
    }
}

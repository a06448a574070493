package io.github.gb28181.example;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An upper platform the example platform registers to as a lower one ({@code --gb28181.upstream.address=...}):
 * it then sees every channel of the example's devices, can query and move them, and gets their video relayed.
 *
 * @param address  the upper platform, host:port; empty: no cascade
 * @param serverId its 20-digit id
 * @param domain   its SIP domain; empty: the first ten digits of its id
 * @param localId  our id towards it; empty: the platform id
 * @param password the password it gave us; empty when it asks for none
 * @param transport UDP or TCP
 */
@ConfigurationProperties("gb28181.upstream")
public record UpstreamProperties(String address, String serverId, String domain, String localId, String password,
        String transport) {

    public boolean configured() {
        return address != null && !address.isBlank();
    }
}

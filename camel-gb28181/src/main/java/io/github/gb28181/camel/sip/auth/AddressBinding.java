package io.github.gb28181.camel.sip.auth;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a registered device may speak from. Digest protects REGISTER only: a Keepalive or an Alarm carries no
 * credentials, so whoever sends one in a device's name from elsewhere would, if followed, move the device there and
 * receive its INVITEs, PTZ commands and queries. A request from another address is refused instead (403, which makes a
 * real device register again, with digest, from where it now is).
 */
public final class AddressBinding {

    /** How closely a request must match the address the device registered from. */
    public enum Mode {
        /**
         * The same IP address; the port may change, as it does when a NAT rebinds. The default: a takeover needs the
         * device's own address.
         */
        HOST,
        /** The same IP address and port: for devices on a plain network, whose port never changes. */
        HOST_AND_PORT,
        /**
         * Anywhere: the device is followed to whatever address it is heard from. Anyone who knows a device id can then
         * take the device over with one unauthenticated MESSAGE; only for networks where every sender is trusted.
         */
        ANY
    }

    private final Mode mode;
    private final LongAdder refusals = new LongAdder();

    public AddressBinding(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * @param  registeredHost where the device registered from (null when it never did: nothing to protect)
     * @return                whether a request from host:port may speak for the device; a refusal is counted
     */
    public boolean admits(String registeredHost, int registeredPort, String host, int port) {
        boolean admitted = switch (mode) {
            case ANY -> true;
            case HOST -> registeredHost == null || registeredHost.equals(host);
            case HOST_AND_PORT -> registeredHost == null || registeredHost.equals(host) && registeredPort == port;
        };
        if (!admitted) {
            refusals.increment();
        }
        return admitted;
    }

    /** Requests refused since start because they came from elsewhere than the device registered from. */
    public long refusals() {
        return refusals.sum();
    }
}

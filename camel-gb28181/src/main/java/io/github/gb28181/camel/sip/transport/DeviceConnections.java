package io.github.gb28181.camel.sip.transport;

import gov.nist.javax.sip.stack.SIPTransaction;
import javax.sip.ServerTransaction;

/** Tells the TCP guard which connections carry a device, so it does not close them as idle. */
public final class DeviceConnections {

    private DeviceConnections() {
    }

    /** A device's request came in on this transaction's connection and was accepted (2xx). */
    public static void accepted(ServerTransaction transaction) {
        if (transaction instanceof SIPTransaction sip && sip.getMessageChannel() instanceof GuardedTcpMessageChannel tcp) {
            tcp.markDevice();
        }
    }
}

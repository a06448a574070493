package io.github.gb28181.camel.sip.media;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SdpAnswer;

/**
 * A device that mirrors a tcp-active offer answers with the platform's own media address (seen with a real device:
 * {@code a=setup:active} and our port): connecting there would connect the platform to its own RTP listener. Such
 * an answer's address is not used; the device may still connect to us, as in tcp-passive.
 */
final class MirroredOffer {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

    private MirroredOffer() {
    }

    static boolean pointsAtUs(MediaRequest ask, SdpAnswer answer) {
        if (ask.transport() != MediaTransportMode.TCP_ACTIVE || answer.mediaPort() != ask.mediaPort()
            || answer.mediaHost() == null) {
            return false;
        }
        return answer.mediaHost().equalsIgnoreCase(ask.mediaHost()) || isThisMachine(answer.mediaHost());
    }

    static SdpAnswer withoutAddress(SdpAnswer a) {
        return new SdpAnswer(a.sessionName(), null, a.media(), 0, a.tcp(), a.setup(), a.payloadTypes(), a.ssrc(),
                a.format(), a.fileSize(), a.downloadSpeed(), a.streamNumber(), a.uri(), a.startTime(), a.endTime());
    }

    /** Literal addresses only: a host name is not resolved for this. */
    private static boolean isThisMachine(String host) {
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                   || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}

package io.github.gb28181.camel.platform;

import java.util.function.Predicate;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import io.github.gb28181.camel.sip.IncomingRequest;
import javax.sip.message.Request;

/**
 * Which requests from devices are answered without a server transaction (a stateless UAS, RFC 3261 8.2.7).
 * <p>
 * Over UDP jain-sip keeps every answered transaction 32 s (Timer J) to repeat its answer to retransmissions: about
 * 3.6 KB each. A registration storm makes four of them per device (the challenge, the REGISTER, the answers to Catalog
 * and DeviceInfo), and 2,000 keepalives a second make 64,000 more; copying them from one young collection to the next
 * is what stalled the platform. So these requests get none, and the dispatcher remembers their answers for a few
 * seconds instead:
 * <ul>
 * <li>a REGISTER: a retransmission of one that was challenged is challenged again; of one that registered, gets the
 * same 200 and registers nothing twice; of one that was refused, is refused again and not counted twice;</li>
 * <li>a device's MESSAGE: keepalives, answers to queries, notifications. A retransmission gets the answer the first
 * copy got and produces no second event.</li>
 * </ul>
 * Requests over TCP keep their transactions (those end with the answer), as does everything an upper platform sends.
 */
final class StatelessRequests implements Predicate<Request> {

    private final Predicate<String> upperPlatform;

    /** @param upperPlatform whether a From user is the id of a platform we are registered to */
    StatelessRequests(Predicate<String> upperPlatform) {
        this.upperPlatform = upperPlatform;
    }

    @Override
    public boolean test(Request request) {
        Via via = ((SIPRequest) request).getTopmostVia();
        if (via == null || !"UDP".equalsIgnoreCase(via.getTransport())) {
            return false;
        }
        return switch (request.getMethod()) {
            case Request.REGISTER -> true;
            case Request.MESSAGE -> !upperPlatform.test(IncomingRequest.fromUser(request));
            default -> false;
        };
    }
}

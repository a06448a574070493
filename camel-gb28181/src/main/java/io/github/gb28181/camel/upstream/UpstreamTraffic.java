package io.github.gb28181.camel.upstream;

/**
 * One thing that passes between an upper platform and us, as routes see it: a request it sent (a query, a control,
 * an INVITE, a SUBSCRIBE...) or a document we send it (an answer, a notification).
 *
 * @param upstream  the upper platform's configured name
 * @param serverId  its id
 * @param direction IN for its requests, OUT for what we send
 * @param method    the SIP method (MESSAGE, INVITE, SUBSCRIBE, INFO, BYE, NOTIFY)
 * @param cmdType   the MANSCDP CmdType, or null
 * @param sn        the MANSCDP SN, or null
 * @param targetId  the id addressed: ours, a device's or a channel's
 * @param callId    the SIP Call-ID (a session's id for INVITE, INFO and BYE)
 * @param body      the MANSCDP document, the SDP text, the MANSRTSP text, or null
 */
public record UpstreamTraffic(String upstream, String serverId, Direction direction, String method, String cmdType,
        Integer sn, String targetId, String callId, Object body) {

    /** The same, addressed to {@code targetId} (the channel of an INVITE). */
    public UpstreamTraffic withTarget(String targetId) {
        return new UpstreamTraffic(upstream, serverId, direction, method, cmdType, sn, targetId, callId, body);
    }

    /** Which way it goes. */
    public enum Direction {
        /** a request from the upper platform */
        IN,
        /** a document we send the upper platform */
        OUT
    }
}

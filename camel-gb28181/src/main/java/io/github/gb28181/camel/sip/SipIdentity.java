package io.github.gb28181.camel.sip;

/**
 * Who we are in the requests we send: the id in From and Contact, and the domain of From and To.
 *
 * @param serverId our 20-digit id
 * @param domain   the SIP domain
 */
public record SipIdentity(String serverId, String domain) {
}

package io.github.gb28181.camel.platform;

import java.util.function.Supplier;

import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressBinding;
import io.github.gb28181.camel.sip.auth.CredentialLookup;

/**
 * Who the platform is and how it treats devices.
 *
 * @param serverId               the platform's 20-digit id
 * @param domain                 the SIP domain
 * @param realm                  the digest realm
 * @param credentials            where device passwords come from
 * @param digestQop              whether the digest challenge offers qop=auth
 * @param registerDateHeader     whether REGISTER's 200 OK carries the GB Date header
 * @param keepaliveTimeoutMillis silence after which a device is offline
 * @param aggregationTimeoutMillis gap after which a partial multi-message answer is emitted
 * @param nonceTtlMillis         how long an issued nonce stays valid
 * @param nonceGenerator         where nonces come from, or null for secure random ones
 * @param accessPolicy           allow and deny lists, lockout after failed authentication, strict usernames
 * @param addressBinding         where a registered device may send MESSAGEs from; from elsewhere they get 403, which
 *                               makes a real device register again (with digest) from its new address
 * @param answerAfterProcessing  answer a MESSAGE once routes processed its event, 500 when they failed, rather than
 *                               200 at once
 */
public record PlatformSettings(
        String serverId, String domain, String realm, CredentialLookup credentials, boolean digestQop,
        boolean registerDateHeader,
        long keepaliveTimeoutMillis, long aggregationTimeoutMillis, long nonceTtlMillis,
        Supplier<String> nonceGenerator, AccessPolicy accessPolicy, AddressBinding addressBinding,
        boolean answerAfterProcessing) {
}

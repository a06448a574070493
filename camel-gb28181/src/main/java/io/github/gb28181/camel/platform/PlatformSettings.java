package io.github.gb28181.camel.platform;

import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressBinding;
import io.github.gb28181.camel.sip.auth.CredentialLookup;
import io.github.gb28181.camel.sip.auth.DigestAlgorithm;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import io.github.gb28181.camel.sip.media.InMemoryMediaSessionDirectory;
import io.github.gb28181.camel.sip.media.MediaSessionDirectory;

/**
 * Who the platform is and how it treats devices. Build it with {@link #builder()}: every setting has the component's
 * default, so a caller names only what differs.
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
 * @param gbVersion              the GB/T 28181 revision the platform speaks, announced in X-GB-Ver on every answer to
 *                               REGISTER; with each device it speaks the lower of this and the device's own
 * @param digestAlgorithm        the hash the digest challenge names (MD5, or SM3 as GB/T 28181-2022 8.3 recommends)
 * @param trustedProxies         the SIP proxies in front of the platform, whose requests carry the device's address
 *                               in its Via and whose Path is kept
 * @param remoteWaiters          the other nodes of a cluster waiting for answers that reach this one
 * @param mediaSessions          where the media sessions of every node are listed and handed to their holder; each
 *                               server has one of its own unless told otherwise
 */
public record PlatformSettings(
        String serverId, String domain, String realm, CredentialLookup credentials, boolean digestQop,
        boolean registerDateHeader,
        long keepaliveTimeoutMillis, long aggregationTimeoutMillis, long nonceTtlMillis,
        Supplier<String> nonceGenerator, AccessPolicy accessPolicy, AddressBinding addressBinding,
        boolean answerAfterProcessing, GbVersion gbVersion, DigestAlgorithm digestAlgorithm,
        Predicate<InetAddress> trustedProxies, RemoteWaiters remoteWaiters,
        MediaSessionDirectory mediaSessions) {

    public static Builder builder() {
        return new Builder();
    }

    /** Settings with the component's defaults until told otherwise; the realm defaults to the domain. */
    public static final class Builder {
        private String serverId = "34020000002000000001";
        private String domain = "3402000000";
        private String realm;
        private CredentialLookup credentials = StaticCredentialLookup.of(null, null);
        private boolean digestQop = true;
        private boolean registerDateHeader = true;
        private long keepaliveTimeoutMillis = 180_000;
        private long aggregationTimeoutMillis = 5_000;
        private long nonceTtlMillis = 300_000;
        private Supplier<String> nonceGenerator;
        private AccessPolicy accessPolicy;
        private AddressBinding addressBinding;
        private boolean answerAfterProcessing;
        private GbVersion gbVersion = GbVersion.V3_0;
        private DigestAlgorithm digestAlgorithm = DigestAlgorithm.MD5;
        private Predicate<InetAddress> trustedProxies = address -> false;
        private RemoteWaiters remoteWaiters = RemoteWaiters.NONE;
        private MediaSessionDirectory mediaSessions;

        private Builder() {
        }

        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        public Builder credentials(CredentialLookup credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder digestQop(boolean digestQop) {
            this.digestQop = digestQop;
            return this;
        }

        public Builder registerDateHeader(boolean registerDateHeader) {
            this.registerDateHeader = registerDateHeader;
            return this;
        }

        public Builder keepaliveTimeoutMillis(long keepaliveTimeoutMillis) {
            this.keepaliveTimeoutMillis = keepaliveTimeoutMillis;
            return this;
        }

        public Builder aggregationTimeoutMillis(long aggregationTimeoutMillis) {
            this.aggregationTimeoutMillis = aggregationTimeoutMillis;
            return this;
        }

        public Builder nonceTtlMillis(long nonceTtlMillis) {
            this.nonceTtlMillis = nonceTtlMillis;
            return this;
        }

        public Builder nonceGenerator(Supplier<String> nonceGenerator) {
            this.nonceGenerator = nonceGenerator;
            return this;
        }

        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = accessPolicy;
            return this;
        }

        public Builder addressBinding(AddressBinding addressBinding) {
            this.addressBinding = addressBinding;
            return this;
        }

        public Builder answerAfterProcessing(boolean answerAfterProcessing) {
            this.answerAfterProcessing = answerAfterProcessing;
            return this;
        }

        public Builder gbVersion(GbVersion gbVersion) {
            this.gbVersion = gbVersion;
            return this;
        }

        public Builder digestAlgorithm(DigestAlgorithm digestAlgorithm) {
            this.digestAlgorithm = digestAlgorithm;
            return this;
        }

        public Builder trustedProxies(Predicate<InetAddress> trustedProxies) {
            this.trustedProxies = trustedProxies;
            return this;
        }

        public Builder remoteWaiters(RemoteWaiters remoteWaiters) {
            this.remoteWaiters = remoteWaiters;
            return this;
        }

        public Builder mediaSessions(MediaSessionDirectory mediaSessions) {
            this.mediaSessions = mediaSessions;
            return this;
        }

        public PlatformSettings build() {
            return new PlatformSettings(serverId, domain, realm != null && !realm.isEmpty() ? realm : domain,
                    credentials, digestQop, registerDateHeader, keepaliveTimeoutMillis, aggregationTimeoutMillis,
                    nonceTtlMillis, nonceGenerator,
                    accessPolicy != null ? accessPolicy : AccessPolicy.open(Clock.systemUTC()),
                    addressBinding != null ? addressBinding : new AddressBinding(AddressBinding.Mode.HOST),
                    answerAfterProcessing, gbVersion, digestAlgorithm, trustedProxies, remoteWaiters,
                    mediaSessions != null ? mediaSessions : new InMemoryMediaSessionDirectory());
        }
    }
}

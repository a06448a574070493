package io.github.gb28181.camel.sip.auth;

/**
 * Where the SIP server finds the password a device authenticates with. Implement it to keep passwords in a store of
 * your own.
 */
@FunctionalInterface
public interface CredentialLookup {

    /**
     * @param  deviceId the device id from the REGISTER's From header
     * @param  username the digest username the device sent (often the device id, sometimes not: Hikvision uses
     *                  {@code admin})
     * @return          the password, or {@code null} when the device may register without authentication
     */
    String password(String deviceId, String username);
}

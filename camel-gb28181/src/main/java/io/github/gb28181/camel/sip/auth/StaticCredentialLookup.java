package io.github.gb28181.camel.sip.auth;

import java.util.Map;

/**
 * A default password with per-device exceptions, matched by device id first and then by digest username.
 */
public final class StaticCredentialLookup implements CredentialLookup {

    private final String defaultPassword;
    private final Map<String, String> perDevice;

    public StaticCredentialLookup(String defaultPassword, Map<String, String> perDevice) {
        this.defaultPassword = defaultPassword;
        this.perDevice = Map.copyOf(perDevice);
    }

    /**
     * Parses {@code id=password,id2=password2}. A password may contain '=' but not ','.
     */
    public static StaticCredentialLookup of(String defaultPassword, String pairs) {
        Map<String, String> map = new java.util.HashMap<>();
        if (pairs != null && !pairs.isBlank()) {
            for (String pair : pairs.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "devicePasswords entries must be id=password; found an entry without '=' or id");
                }
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
        }
        return new StaticCredentialLookup(defaultPassword, map);
    }

    @Override
    public String password(String deviceId, String username) {
        String password = deviceId == null ? null : perDevice.get(deviceId);
        if (password == null && username != null) {
            password = perDevice.get(username);
        }
        return password != null ? password : defaultPassword;
    }
}

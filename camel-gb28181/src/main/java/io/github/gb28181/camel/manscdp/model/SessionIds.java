package io.github.gb28181.camel.manscdp.model;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SessionID GB/T 28181-2022 has the platform choose for a DeviceUpgrade or SnapShotConfig (A.2.3.1.12, A.2.3.2.12),
 * which the device's DeviceUpgradeResult or UploadSnapShotFinished notification repeats: 32 to 128 letters, digits or
 * dashes.
 */
public final class SessionIds {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{32,128}");

    private SessionIds() {
    }

    /** A fresh id: 32 random hex digits. */
    public static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The given id when it has the standard's form, else a fresh one when none is given. */
    public static String orGenerate(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return generate();
        }
        if (!FORM.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("A GB/T 28181 SessionID is 32 to 128 letters, digits or dashes, not '"
                                               + sessionId + "'");
        }
        return sessionId;
    }
}

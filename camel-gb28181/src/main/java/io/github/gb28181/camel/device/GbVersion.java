package io.github.gb28181.camel.device;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The GB/T 28181 revision a peer speaks, as the {@code X-GB-Ver} header of REGISTER and of its answers says it
 * (GB/T 28181-2022 Annex I): {@code m.n}, where 1.0 is the 2011 edition, 1.1 its supplement, 2.0 the 2016 edition and
 * 3.0 the 2022 edition. The side with the higher version must not send the other messages it cannot understand, so
 * the registry keeps what each device said. A device that says nothing is taken as 2016 by whoever reads the registry.
 *
 * @param major the number before the dot
 * @param minor the number after it
 */
public record GbVersion(int major, int minor) implements Comparable<GbVersion> {

    /** The SIP header that carries the version. */
    public static final String HEADER = "X-GB-Ver";

    /** GB/T 28181-2011. */
    public static final GbVersion V1_0 = new GbVersion(1, 0);
    /** The 2011 edition's supplement. */
    public static final GbVersion V1_1 = new GbVersion(1, 1);
    /** GB/T 28181-2016. */
    public static final GbVersion V2_0 = new GbVersion(2, 0);
    /** GB/T 28181-2022. */
    public static final GbVersion V3_0 = new GbVersion(3, 0);

    /** m.n, with the tolerance devices need: a V in front, a comma for the dot, no minor, trailing words. */
    private static final Pattern FORM = Pattern.compile("[vV]?(\\d{1,3})(?:[.,](\\d{1,3}))?(?:[\\s;(].*)?");

    public GbVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("A GB/T 28181 version has no negative part: " + major + "." + minor);
        }
    }

    /**
     * Reads a header value, forgiving spelling but not nonsense: {@code 3.0}, {@code " 3.0 "}, {@code V3.0},
     * {@code 3}, {@code 3,0} and {@code 3.0 (GB/T 28181-2022)} all read as 3.0.
     *
     * @return the version, or null for a value that names none (empty, absent, {@code abc})
     */
    @JsonCreator
    public static GbVersion parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        return new GbVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** Whether this peer speaks {@code other} or a later revision. */
    public boolean isAtLeast(GbVersion other) {
        return compareTo(other) >= 0;
    }

    /** Whether this peer speaks GB/T 28181-2022 (3.0) or later. */
    public boolean isRevision2022() {
        return isAtLeast(V3_0);
    }

    /** The edition this version names, such as {@code GB/T 28181-2022}; null for a version Annex I does not list. */
    public String edition() {
        return switch (major) {
            case 1 -> minor == 0 ? "GB/T 28181-2011" : "GB/T 28181-2011 supplement";
            case 2 -> "GB/T 28181-2016";
            case 3 -> "GB/T 28181-2022";
            default -> null;
        };
    }

    @Override
    public int compareTo(GbVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** The header value: {@code m.n}. */
    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }
}

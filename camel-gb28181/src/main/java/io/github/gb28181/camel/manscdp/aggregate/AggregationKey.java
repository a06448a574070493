package io.github.gb28181.camel.manscdp.aggregate;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import java.util.Locale;
import java.util.Objects;

/**
 * Identifies one multi-part answer: the parts of a Catalog or RecordInfo document share root kind,
 * DeviceID, CmdType and SN. The kind is part of the key so a Catalog notification cannot merge with
 * a Catalog response that happens to reuse its SN. CmdType compares ignoring case.
 */
public final class AggregationKey {

    private final RootKind kind;
    private final String deviceId;
    private final String cmdType;
    private final int sn;

    public AggregationKey(RootKind kind, String deviceId, String cmdType, int sn) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.cmdType = Objects.requireNonNull(cmdType, "cmdType");
        this.sn = sn;
    }

    /** The key of the Response a query with this DeviceID, CmdType and SN will get. */
    public static AggregationKey response(String deviceId, String cmdType, int sn) {
        return new AggregationKey(RootKind.RESPONSE, deviceId, cmdType, sn);
    }

    /** The key of a received message, or {@code null} when it lacks the DeviceID or SN to build one. */
    public static AggregationKey of(ManscdpMessage m) {
        if (m.getKind() == null || m.getDeviceId() == null || m.getCmdType() == null || m.getSn() == null) {
            return null;
        }
        return new AggregationKey(m.getKind(), m.getDeviceId(), m.getCmdType(), m.getSn());
    }

    public RootKind getKind() {
        return kind;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getCmdType() {
        return cmdType;
    }

    public int getSn() {
        return sn;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AggregationKey)) {
            return false;
        }
        AggregationKey k = (AggregationKey) o;
        return sn == k.sn && kind == k.kind && deviceId.equals(k.deviceId) && cmdType.equalsIgnoreCase(k.cmdType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, deviceId, cmdType.toLowerCase(Locale.ROOT), sn);
    }

    @Override
    public String toString() {
        return kind + "/" + cmdType + " " + deviceId + " SN " + sn;
    }
}

package io.github.gb28181.camel.manscdp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The parameter sets a ConfigDownload query names in {@code <ConfigType>} (GB/T 28181-2022 A.2.4.7), several joined by
 * {@code /}. The first four exist since GB/T 28181-2016.
 */
public enum ConfigType {
    BASIC_PARAM("BasicParam", false),
    VIDEO_PARAM_OPT("VideoParamOpt", false),
    SVAC_ENCODE_CONFIG("SVACEncodeConfig", false),
    SVAC_DECODE_CONFIG("SVACDecodeConfig", false),
    VIDEO_PARAM_ATTRIBUTE("VideoParamAttribute", true),
    VIDEO_RECORD_PLAN("VideoRecordPlan", true),
    VIDEO_ALARM_RECORD("VideoAlarmRecord", true),
    PICTURE_MASK("PictureMask", true),
    FRAME_MIRROR("FrameMirror", true),
    ALARM_REPORT("AlarmReport", true),
    OSD_CONFIG("OSDConfig", true),
    SNAP_SHOT_CONFIG("SnapShotConfig", true);

    private final String wireName;
    private final boolean since2022;

    ConfigType(String wireName, boolean since2022) {
        this.wireName = wireName;
        this.since2022 = since2022;
    }

    /** The name as the standard spells it in {@code <ConfigType>}. */
    public String wireName() {
        return wireName;
    }

    /** Whether only a GB/T 28181-2022 device knows this set. */
    public boolean since2022() {
        return since2022;
    }

    /** The set a name denotes, whatever its case or surrounding blanks; null for a name the standard does not have. */
    public static ConfigType fromWireName(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        for (ConfigType type : values()) {
            if (type.wireName.equalsIgnoreCase(trimmed)) {
                return type;
            }
        }
        return null;
    }

    /** The known sets a {@code <ConfigType>} value names, in its order; vendor names are skipped. */
    public static List<ConfigType> parseList(String configType) {
        List<ConfigType> types = new ArrayList<>();
        if (configType != null) {
            for (String name : configType.split("/")) {
                ConfigType type = fromWireName(name);
                if (type != null && !types.contains(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** The {@code <ConfigType>} value asking for these sets. */
    public static String join(ConfigType... types) {
        StringJoiner joined = new StringJoiner("/");
        for (ConfigType type : types) {
            joined.add(type.wireName);
        }
        return joined.toString();
    }
}

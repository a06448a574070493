package io.github.gb28181.camel.manscdp.model;

import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.manscdp.ManscdpMessage;

/**
 * What GB/T 28181-2022 added that a 2016 device cannot read: whole documents (the five new queries) and control
 * sub-commands or parameter sets that a 2016 DeviceControl or DeviceConfig does not have. Once a device announces an
 * older revision, Annex I asks the platform not to send it these. The 2022 elements added beside 2016 ones
 * (PTZCmdParams, a RecordCmd's StreamNumber, an AlarmCmd's Info) are not here: an older device skips them and still
 * does what the 2016 part says.
 */
public final class Revision2022 {

    private Revision2022() {
    }

    /** What in the document only a 2022 device reads, as the standard names it; empty when a 2016 device reads it all. */
    public static List<String> newIn(ManscdpMessage document) {
        List<String> added = new ArrayList<>();
        if (document instanceof HomePositionQuery || document instanceof CruiseTrackListQuery
            || document instanceof CruiseTrackQuery || document instanceof PtzPositionQuery
            || document instanceof SdCardStatusQuery) {
            added.add(document.getCmdType());
        } else if (document instanceof DeviceControl control) {
            addIf(added, control.getPtzPreciseCtrl() != null, "PTZPreciseCtrl");
            addIf(added, control.getDeviceUpgrade() != null, "DeviceUpgrade");
            addIf(added, control.getFormatSdCard() != null, "FormatSDCard");
            addIf(added, control.getTargetTrack() != null, "TargetTrack");
        } else if (document instanceof DeviceConfig config) {
            addIf(added, config.getVideoParamAttribute() != null, ConfigType.VIDEO_PARAM_ATTRIBUTE.wireName());
            addIf(added, config.getVideoRecordPlan() != null, ConfigType.VIDEO_RECORD_PLAN.wireName());
            addIf(added, config.getVideoAlarmRecord() != null, ConfigType.VIDEO_ALARM_RECORD.wireName());
            addIf(added, config.getPictureMask() != null, ConfigType.PICTURE_MASK.wireName());
            addIf(added, config.getFrameMirror() != null, ConfigType.FRAME_MIRROR.wireName());
            addIf(added, config.getAlarmReport() != null, ConfigType.ALARM_REPORT.wireName());
            addIf(added, config.getOsdConfig() != null, ConfigType.OSD_CONFIG.wireName());
            addIf(added, config.getSnapShotConfig() != null, ConfigType.SNAP_SHOT_CONFIG.wireName());
        } else if (document instanceof ConfigDownloadQuery query) {
            for (ConfigType type : ConfigType.parseList(query.getConfigType())) {
                addIf(added, type.since2022(), type.wireName());
            }
        }
        return added;
    }

    private static void addIf(List<String> added, boolean condition, String name) {
        if (condition) {
            added.add(name);
        }
    }
}

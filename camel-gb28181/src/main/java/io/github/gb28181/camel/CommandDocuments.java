package io.github.gb28181.camel;

import java.util.function.Consumer;

import io.github.gb28181.camel.manscdp.model.AlarmReport;
import io.github.gb28181.camel.manscdp.model.BasicParam;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadQuery;
import io.github.gb28181.camel.manscdp.model.ConfigType;
import io.github.gb28181.camel.manscdp.model.CruiseTrackQuery;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceUpgrade;
import io.github.gb28181.camel.manscdp.model.DragZoom;
import io.github.gb28181.camel.manscdp.model.MobilePositionQuery;
import io.github.gb28181.camel.manscdp.model.OsdConfig;
import io.github.gb28181.camel.manscdp.model.PictureMask;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.model.SessionIds;
import io.github.gb28181.camel.manscdp.model.SnapShotConfig;
import io.github.gb28181.camel.manscdp.model.VideoAlarmRecord;
import io.github.gb28181.camel.manscdp.model.VideoParamAttribute;
import io.github.gb28181.camel.manscdp.model.VideoRecordPlan;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;

/**
 * The MANSCDP documents commands send that need more than a constructor: options and headers filled in.
 */
final class CommandDocuments {

    private CommandDocuments() {
    }

    static RecordInfoQuery recordInfo(CommandInput in) {
        RecordInfoQuery query = new RecordInfoQuery();
        query.setStartTime(in.startTime());
        query.setEndTime(in.endTime());
        query.setType(in.endpoint().getRecordType());
        query.setSecrecy(0);
        query.setStreamNumber(in.streamNumber());
        query.setAlarmMethod(in.endpoint().getAlarmMethod());
        query.setAlarmType(in.endpoint().getAlarmType());
        return query;
    }

    static ConfigDownloadQuery configDownload(CommandInput in) {
        ConfigDownloadQuery query = new ConfigDownloadQuery();
        // the names as the standard spells them, whatever case the URI used
        query.askFor(ConfigType.parseList(in.endpoint().getConfigType()).toArray(ConfigType[]::new));
        return query;
    }

    static CruiseTrackQuery cruiseTrack(CommandInput in) {
        CruiseTrackQuery query = new CruiseTrackQuery();
        query.setNumber(in.index("index (the cruise track, 0 the first)"));
        return query;
    }

    static DeviceControl formatSdCard(CommandInput in) {
        int card = in.index("index (the SD card from 1, 0 for all)");
        return control(c -> c.setFormatSdCard(card));
    }

    /** A DeviceUpgrade body with the standard's required fields; a SessionID is chosen when it has none. */
    static DeviceControl deviceUpgrade(CommandInput in) {
        DeviceUpgrade upgrade = in.body(DeviceUpgrade.class);
        in.required(blankToNull(upgrade.getFirmware()), "a DeviceUpgrade with its firmware version");
        in.required(blankToNull(upgrade.getFileUrl()), "a DeviceUpgrade with the file URL");
        in.required(blankToNull(upgrade.getManufacturer()), "a DeviceUpgrade with the manufacturer");
        upgrade.setSessionId(SessionIds.orGenerate(upgrade.getSessionId()));
        in.message().setHeader(Gb28181Constants.MANSCDP_SESSION_ID, upgrade.getSessionId());
        return control(c -> c.setDeviceUpgrade(upgrade));
    }

    static DeviceControl alarmReset(CommandInput in) {
        return control(c -> {
            c.setAlarmCmd("ResetAlarm");
            c.setAlarmMethod(in.endpoint().getAlarmMethod());
            c.setAlarmType(in.endpoint().getAlarmType());
        });
    }

    static DeviceControl record(CommandInput in, String recordCmd) {
        Integer stream = in.streamNumber();
        return control(c -> {
            c.setRecordCmd(recordCmd);
            c.setStreamNumber(stream);
        });
    }

    static DeviceControl targetTrack(CommandInput in, String mode, boolean areaRequired) {
        DragZoom area = areaRequired ? in.body(DragZoom.class) : in.message().getBody(DragZoom.class);
        return control(c -> {
            c.setTargetTrack(mode);
            c.setDeviceId2(in.endpoint().getPanoramaChannelId());
            c.setTargetArea(area);
        });
    }

    static MobilePositionQuery mobilePosition(CommandInput in) {
        MobilePositionQuery query = new MobilePositionQuery();
        query.setInterval(in.endpoint().getInterval());
        return query;
    }

    /**
     * The DeviceConfig of the body: a DeviceConfig as it is, one parameter set's bean, or a number for FrameMirror
     * (the one set that is a number). A picture capture set without a SessionID gets one.
     */
    static DeviceConfig deviceConfig(CommandInput in) {
        Object body = in.message().getBody();
        DeviceConfig config = new DeviceConfig();
        if (body instanceof DeviceConfig whole) {
            config = whole;
        } else if (body instanceof BasicParam set) {
            config.setBasicParam(set);
        } else if (body instanceof VideoParamAttribute set) {
            config.setVideoParamAttribute(set);
        } else if (body instanceof VideoRecordPlan set) {
            config.setVideoRecordPlan(set);
        } else if (body instanceof VideoAlarmRecord set) {
            config.setVideoAlarmRecord(set);
        } else if (body instanceof PictureMask set) {
            config.setPictureMask(set);
        } else if (body instanceof AlarmReport set) {
            config.setAlarmReport(set);
        } else if (body instanceof OsdConfig set) {
            config.setOsdConfig(set);
        } else if (body instanceof SnapShotConfig set) {
            config.setSnapShotConfig(set);
        } else if (body instanceof Number || body instanceof String text && text.strip().matches("\\d{1,2}")) {
            config.setFrameMirror(Integer.valueOf(body.toString().strip()));
        } else {
            throw new IllegalArgumentException("gb28181:deviceConfig needs a body of DeviceConfig or one parameter set:"
                                               + " BasicParam, VideoParamAttribute, VideoRecordPlan, VideoAlarmRecord,"
                                               + " PictureMask, AlarmReport, OsdConfig, SnapShotConfig, or a number"
                                               + " for FrameMirror; not "
                                               + (body == null ? "null" : body.getClass().getName()));
        }
        SnapShotConfig capture = config.getSnapShotConfig();
        if (capture != null) {
            capture.setSessionId(SessionIds.orGenerate(capture.getSessionId()));
            in.message().setHeader(Gb28181Constants.MANSCDP_SESSION_ID, capture.getSessionId());
        }
        return config;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static DeviceControl ptz(PtzCmd cmd) {
        return control(c -> c.setPtzCmd(cmd.toHex()));
    }

    static DeviceControl control(Consumer<DeviceControl> setup) {
        DeviceControl control = new DeviceControl();
        setup.accept(control);
        return control;
    }
}

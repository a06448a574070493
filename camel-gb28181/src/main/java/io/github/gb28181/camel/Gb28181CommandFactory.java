package io.github.gb28181.camel;

import java.util.Locale;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.model.AlarmQuery;
import io.github.gb28181.camel.manscdp.model.BasicParam;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadQuery;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DeviceStatusQuery;
import io.github.gb28181.camel.manscdp.model.DragZoom;
import io.github.gb28181.camel.manscdp.model.HomePosition;
import io.github.gb28181.camel.manscdp.model.MobilePositionQuery;
import io.github.gb28181.camel.manscdp.model.PresetQuery;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;
import org.apache.camel.Message;

/**
 * Translates a producer command, with its options and headers, into the MANSCDP document to send.
 */
final class Gb28181CommandFactory {

    /** What to send, and whether it is a query (whose Response is the reply) or a control command. */
    record Command(ManscdpMessage document, boolean query, boolean channelLevel) {
    }

    private Gb28181CommandFactory() {
    }

    static Command create(String command, Gb28181Endpoint endpoint, Message in) {
        String name = command.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "send" -> fromBody(in);
            case "catalog" -> new Command(new CatalogQuery(), true, false);
            case "deviceinfo" -> new Command(new DeviceInfoQuery(), true, false);
            case "devicestatus" -> new Command(new DeviceStatusQuery(), true, false);
            case "recordinfo" -> new Command(recordInfo(endpoint, in), true, true);
            case "presetquery" -> new Command(new PresetQuery(), true, true);
            case "configdownload" -> {
                ConfigDownloadQuery query = new ConfigDownloadQuery();
                query.setConfigType(endpoint.getConfigType());
                yield new Command(query, true, false);
            }
            case "mobileposition" -> {
                MobilePositionQuery query = new MobilePositionQuery();
                query.setInterval(endpoint.getInterval());
                yield new Command(query, true, true);
            }
            case "alarmquery" -> new Command(in.getBody() instanceof AlarmQuery q ? q : new AlarmQuery(), true, false);
            case "ptz" -> ptz(ptz(action(endpoint, in), speed(endpoint, in)));
            case "fi" -> ptz(fi(action(endpoint, in), speed(endpoint, in)));
            case "preset" -> ptz(preset(action(endpoint, in), required(index(endpoint, in), "index (preset number)")));
            case "cruise" -> ptz(cruise(endpoint, in));
            case "scan" -> ptz(scan(endpoint, in));
            case "aux" -> ptz(aux(action(endpoint, in), required(index(endpoint, in), "index (switch number)")));
            case "ptzcmd" -> ptz(PtzCmd.parse(body(in, String.class).trim()));
            case "record" -> control(c -> c.setRecordCmd(choose(action(endpoint, in), "start", "Record", "stop",
                    "StopRecord")));
            case "guard" -> control(c -> c.setGuardCmd(choose(action(endpoint, in), "set", "SetGuard", "reset",
                    "ResetGuard")));
            case "alarmreset" -> control(c -> c.setAlarmCmd("ResetAlarm"));
            case "teleboot" -> new Command(deviceControl(c -> c.setTeleBoot("Boot")), false, false);
            case "keyframe" -> control(c -> c.setIframeCmd("Send"));
            case "dragzoomin" -> control(c -> c.setDragZoomIn(body(in, DragZoom.class)));
            case "dragzoomout" -> control(c -> c.setDragZoomOut(body(in, DragZoom.class)));
            case "homeposition" -> control(c -> c.setHomePosition(body(in, HomePosition.class)));
            case "deviceconfig" -> {
                DeviceConfig config = new DeviceConfig();
                config.setBasicParam(body(in, BasicParam.class));
                yield new Command(config, false, false);
            }
            default -> throw new IllegalArgumentException("Unknown gb28181 command '" + command + "'");
        };
    }

    private static Command fromBody(Message in) {
        ManscdpMessage document = in.getBody(ManscdpMessage.class);
        if (document == null) {
            throw new IllegalArgumentException("gb28181:send needs a MANSCDP document (a Query or Control) as body");
        }
        return new Command(document, document.getKind() == RootKind.QUERY, true);
    }

    private static RecordInfoQuery recordInfo(Gb28181Endpoint endpoint, Message in) {
        RecordInfoQuery query = new RecordInfoQuery();
        query.setStartTime(required(in.getHeader(Gb28181Constants.START_TIME, endpoint.getStartTime(), String.class),
                "startTime"));
        query.setEndTime(required(in.getHeader(Gb28181Constants.END_TIME, endpoint.getEndTime(), String.class),
                "endTime"));
        query.setType(endpoint.getRecordType());
        query.setSecrecy(0);
        return query;
    }

    static PtzCmd ptz(String action, int speed) {
        int zoomSpeed = speed >> 4;
        return switch (action) {
            case "up" -> PtzCmd.up(speed);
            case "down" -> PtzCmd.down(speed);
            case "left" -> PtzCmd.left(speed);
            case "right" -> PtzCmd.right(speed);
            case "upleft" -> PtzCmd.upLeft(speed, speed);
            case "upright" -> PtzCmd.upRight(speed, speed);
            case "downleft" -> PtzCmd.downLeft(speed, speed);
            case "downright" -> PtzCmd.downRight(speed, speed);
            case "zoomin" -> PtzCmd.zoomIn(zoomSpeed);
            case "zoomout" -> PtzCmd.zoomOut(zoomSpeed);
            case "stop" -> PtzCmd.stop();
            default -> throw unknownAction("ptz", action, "up, down, left, right, upleft, upright, downleft, downright,"
                                                          + " zoomin, zoomout, stop");
        };
    }

    static PtzCmd fi(String action, int speed) {
        // the focus speed goes in byte 6, as in the seed capture (A50F004100640059, focus far at 100) that a real
        // Dahua camera obeyed
        return switch (action) {
            case "focusnear" -> PtzCmd.fi(PtzCmd.Focus.NEAR, PtzCmd.Iris.NONE, 0, speed);
            case "focusfar" -> PtzCmd.fi(PtzCmd.Focus.FAR, PtzCmd.Iris.NONE, 0, speed);
            case "irisopen" -> PtzCmd.irisOpen(speed);
            case "irisclose" -> PtzCmd.irisClose(speed);
            case "stop" -> PtzCmd.stop();
            default -> throw unknownAction("fi", action, "focusnear, focusfar, irisopen, irisclose, stop");
        };
    }

    static PtzCmd preset(String action, int index) {
        return switch (action) {
            case "set" -> PtzCmd.presetSet(index);
            case "call" -> PtzCmd.presetCall(index);
            case "delete" -> PtzCmd.presetDelete(index);
            default -> throw unknownAction("preset", action, "set, call, delete");
        };
    }

    private static PtzCmd cruise(Gb28181Endpoint endpoint, Message in) {
        String action = action(endpoint, in);
        int group = required(index(endpoint, in), "index (cruise group)");
        return switch (action) {
            case "add" -> PtzCmd.cruiseAddPoint(group, required(value(endpoint, in), "value (preset)"));
            case "delete" -> PtzCmd.cruiseDeletePoint(group, required(value(endpoint, in), "value (preset)"));
            case "speed" -> PtzCmd.cruiseSpeed(group, speed(endpoint, in));
            case "dwell" -> PtzCmd.cruiseDwell(group, required(value(endpoint, in), "value (dwell seconds)"));
            case "start" -> PtzCmd.cruiseStart(group);
            case "stop" -> PtzCmd.stop();
            default -> throw unknownAction("cruise", action, "add, delete, speed, dwell, start, stop");
        };
    }

    private static PtzCmd scan(Gb28181Endpoint endpoint, Message in) {
        String action = action(endpoint, in);
        if ("stop".equals(action)) {
            return PtzCmd.stop();
        }
        int group = required(index(endpoint, in), "index (scan group)");
        return switch (action) {
            case "start" -> PtzCmd.scanStart(group);
            case "left" -> PtzCmd.scanLeftBound(group);
            case "right" -> PtzCmd.scanRightBound(group);
            case "speed" -> PtzCmd.scanSpeed(group, speed(endpoint, in));
            default -> throw unknownAction("scan", action, "start, left, right, speed, stop");
        };
    }

    static PtzCmd aux(String action, int index) {
        return switch (action) {
            case "on" -> PtzCmd.auxOn(index);
            case "off" -> PtzCmd.auxOff(index);
            default -> throw unknownAction("aux", action, "on, off");
        };
    }

    private static Command ptz(PtzCmd cmd) {
        return control(c -> c.setPtzCmd(cmd.toHex()));
    }

    private static Command control(java.util.function.Consumer<DeviceControl> setup) {
        return new Command(deviceControl(setup), false, true);
    }

    private static DeviceControl deviceControl(java.util.function.Consumer<DeviceControl> setup) {
        DeviceControl control = new DeviceControl();
        setup.accept(control);
        return control;
    }

    private static String action(Gb28181Endpoint endpoint, Message in) {
        String action = in.getHeader(Gb28181Constants.ACTION, endpoint.getAction(), String.class);
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The command needs an action (option action or header "
                                               + Gb28181Constants.ACTION + ")");
        }
        return action.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int speed(Gb28181Endpoint endpoint, Message in) {
        int speed = in.getHeader(Gb28181Constants.SPEED, endpoint.getSpeed(), Integer.class);
        if (speed < 0 || speed > 255) {
            throw new IllegalArgumentException("speed must be 0-255, was " + speed);
        }
        return speed;
    }

    private static Integer index(Gb28181Endpoint endpoint, Message in) {
        return in.getHeader(Gb28181Constants.INDEX, endpoint.getIndex(), Integer.class);
    }

    private static Integer value(Gb28181Endpoint endpoint, Message in) {
        return in.getHeader(Gb28181Constants.VALUE, endpoint.getValue(), Integer.class);
    }

    private static String choose(String action, String a, String aValue, String b, String bValue) {
        if (a.equals(action)) {
            return aValue;
        } else if (b.equals(action)) {
            return bValue;
        }
        throw new IllegalArgumentException("Unknown action '" + action + "'; use " + a + " or " + b);
    }

    private static <T> T body(Message in, Class<T> type) {
        T body = in.getBody(type);
        if (body == null) {
            throw new IllegalArgumentException("The command needs a body of type " + type.getName());
        }
        return body;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("The command needs " + what);
        }
        return value;
    }

    private static IllegalArgumentException unknownAction(String command, String action, String known) {
        return new IllegalArgumentException("Unknown " + command + " action '" + action + "'; use one of " + known);
    }
}

package io.github.gb28181.camel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.AlarmQuery;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.CruiseTrackListQuery;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DeviceStatusQuery;
import io.github.gb28181.camel.manscdp.model.DragZoom;
import io.github.gb28181.camel.manscdp.model.HomePosition;
import io.github.gb28181.camel.manscdp.model.HomePositionQuery;
import io.github.gb28181.camel.manscdp.model.PresetQuery;
import io.github.gb28181.camel.manscdp.model.PtzPositionQuery;
import io.github.gb28181.camel.manscdp.model.PtzPreciseCtrl;
import io.github.gb28181.camel.manscdp.model.SdCardStatusQuery;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * Every command a gb28181 endpoint can name in its path (or a producer in the header {@code CamelGb28181Command}):
 * what kind of command it is, what it targets, and what it does. Adding a command is adding a constant here (and its
 * row in the .adoc, which DocumentationTest checks).
 */
public enum Gb28181Command {

    /** The consumer: device events. */
    EVENTS("events", Kind.EVENTS, Target.NONE, (Handler) null),

    CATALOG("catalog", Kind.QUERY, Target.DEVICE, in -> in.send(new CatalogQuery())),
    DEVICE_INFO("deviceInfo", Kind.QUERY, Target.DEVICE, in -> in.send(new DeviceInfoQuery())),
    DEVICE_STATUS("deviceStatus", Kind.QUERY, Target.DEVICE, in -> in.send(new DeviceStatusQuery())),
    RECORD_INFO("recordInfo", Kind.QUERY, Target.CHANNEL, in -> in.send(CommandDocuments.recordInfo(in))),
    PRESET_QUERY("presetQuery", Kind.QUERY, Target.CHANNEL, in -> in.send(new PresetQuery())),
    CONFIG_DOWNLOAD("configDownload", Kind.QUERY, Target.DEVICE, in -> in.send(CommandDocuments.configDownload(in))),
    MOBILE_POSITION("mobilePosition", Kind.QUERY, Target.CHANNEL,
                    in -> in.send(CommandDocuments.mobilePosition(in))),
    ALARM_QUERY("alarmQuery", Kind.QUERY, Target.DEVICE,
                in -> in.send(in.message().getBody() instanceof AlarmQuery q ? q : new AlarmQuery())),
    /** GB/T 28181-2022: the home position (HomePositionQuery). */
    HOME_POSITION_QUERY("homePositionQuery", Kind.QUERY, Target.CHANNEL, in -> in.send(new HomePositionQuery())),
    /** GB/T 28181-2022: the cruise tracks (CruiseTrackListQuery). */
    CRUISE_TRACK_LIST("cruiseTrackList", Kind.QUERY, Target.CHANNEL, in -> in.send(new CruiseTrackListQuery())),
    /** GB/T 28181-2022: the stops of the cruise track the index names (CruiseTrackQuery). */
    CRUISE_TRACK("cruiseTrack", Kind.QUERY, Target.CHANNEL, in -> in.send(CommandDocuments.cruiseTrack(in))),
    /** GB/T 28181-2022: pan, tilt, zoom and field of view (PTZPosition). */
    PTZ_POSITION("ptzPosition", Kind.QUERY, Target.CHANNEL, in -> in.send(new PtzPositionQuery())),
    /** GB/T 28181-2022: the storage cards (SDCardStatus). */
    SD_CARD_STATUS("sdCardStatus", Kind.QUERY, Target.DEVICE, in -> in.send(new SdCardStatusQuery())),
    /** The MANSCDP document in the body: a Query is answered like the queries above, a Control like the controls. */
    SEND("send", Kind.DOCUMENT, Target.CHANNEL, in -> in.send(in.body(ManscdpMessage.class))),

    PTZ("ptz", Kind.CONTROL, Target.CHANNEL, ControlActions.PTZ),
    FI("fi", Kind.CONTROL, Target.CHANNEL, ControlActions.FI),
    PRESET("preset", Kind.CONTROL, Target.CHANNEL, ControlActions.PRESET),
    CRUISE("cruise", Kind.CONTROL, Target.CHANNEL, ControlActions.CRUISE),
    SCAN("scan", Kind.CONTROL, Target.CHANNEL, ControlActions.SCAN),
    AUX("aux", Kind.CONTROL, Target.CHANNEL, ControlActions.AUX),
    PTZ_CMD("ptzCmd", Kind.CONTROL, Target.CHANNEL,
            in -> in.send(CommandDocuments.ptz(PtzCmd.parse(in.body(String.class).trim())))),
    RECORD("record", Kind.CONTROL, Target.CHANNEL, ControlActions.RECORD),
    GUARD("guard", Kind.CONTROL, Target.CHANNEL, ControlActions.GUARD),
    ALARM_RESET("alarmReset", Kind.CONTROL, Target.CHANNEL, in -> in.send(CommandDocuments.alarmReset(in))),
    TELE_BOOT("teleBoot", Kind.CONTROL, Target.DEVICE,
              in -> in.send(CommandDocuments.control(c -> c.setTeleBoot("Boot")))),
    KEY_FRAME("keyFrame", Kind.CONTROL, Target.CHANNEL,
              in -> in.send(CommandDocuments.control(c -> c.setIframeCmd("Send")))),
    DRAG_ZOOM_IN("dragZoomIn", Kind.CONTROL, Target.CHANNEL,
                 in -> in.send(CommandDocuments.control(c -> c.setDragZoomIn(in.body(DragZoom.class))))),
    DRAG_ZOOM_OUT("dragZoomOut", Kind.CONTROL, Target.CHANNEL,
                  in -> in.send(CommandDocuments.control(c -> c.setDragZoomOut(in.body(DragZoom.class))))),
    HOME_POSITION("homePosition", Kind.CONTROL, Target.CHANNEL,
                  in -> in.send(CommandDocuments.control(c -> c.setHomePosition(in.body(HomePosition.class))))),
    DEVICE_CONFIG("deviceConfig", Kind.CONTROL, Target.DEVICE, in -> in.send(CommandDocuments.deviceConfig(in))),
    /** GB/T 28181-2022: absolute pan, tilt and zoom (PTZPreciseCtrl). */
    PTZ_PRECISE("ptzPrecise", Kind.CONTROL, Target.CHANNEL, in -> in.send(CommandDocuments.control(
            c -> c.setPtzPreciseCtrl(in.body(PtzPreciseCtrl.class))))),
    /** GB/T 28181-2022: formats an SD card (FormatSDCard). */
    FORMAT_SD_CARD("formatSdCard", Kind.CONTROL, Target.DEVICE, in -> in.send(CommandDocuments.formatSdCard(in))),
    /** GB/T 28181-2022: a panoramic camera's dome follows a target (TargetTrack). */
    TARGET_TRACK("targetTrack", Kind.CONTROL, Target.CHANNEL, ControlActions.TARGET_TRACK),
    /** GB/T 28181-2022: a firmware upgrade (DeviceUpgrade); its outcome comes as a DEVICE_UPGRADE_RESULT event. */
    DEVICE_UPGRADE("deviceUpgrade", Kind.CONTROL, Target.DEVICE, in -> in.send(CommandDocuments.deviceUpgrade(in))),

    PLAY("play", Kind.MEDIA, Target.CHANNEL, in -> in.commands().invite(in.mediaRequest(SessionKind.LIVE),
            in.timeout())),
    PLAYBACK("playback", Kind.MEDIA, Target.CHANNEL, in -> in.commands().invite(
            in.mediaRequest(SessionKind.PLAYBACK), in.timeout())),
    DOWNLOAD("download", Kind.MEDIA, Target.CHANNEL, in -> in.commands().invite(
            in.mediaRequest(SessionKind.DOWNLOAD), in.timeout())),
    PAUSE("pause", Kind.MEDIA, Target.SESSION, in -> in.commands().pause(in.sessionId(), in.timeout())),
    RESUME("resume", Kind.MEDIA, Target.SESSION, in -> in.commands().resume(in.sessionId(), in.timeout())),
    SPEED("speed", Kind.MEDIA, Target.SESSION, in -> in.commands().speed(in.sessionId(),
            in.requiredHeader(Gb28181Constants.SCALE, Double.class), in.timeout())),
    SEEK("seek", Kind.MEDIA, Target.SESSION, in -> in.commands().seek(in.sessionId(),
            in.requiredHeader(Gb28181Constants.POSITION, Long.class), in.timeout())),
    BYE("bye", Kind.MEDIA, Target.SESSION, in -> in.commands().bye(in.sessionId(), in.timeout())),
    SESSIONS("sessions", Kind.MEDIA, Target.NONE, in -> CompletableFuture.completedFuture(in.commands().sessions())),
    BROADCAST("broadcast", Kind.MEDIA, Target.CHANNEL, in -> in.commands().broadcast(in.deviceId(),
            in.required(in.channelId(), "channelId (the audio output channel)"), in.config().getMediaHost(),
            Objects.requireNonNullElse(in.mediaPort(), 0), in.timeout())),
    AUDIO("audio", Kind.MEDIA, Target.SESSION, in -> {
        in.commands().audio(in.sessionId(), in.required(in.message().getBody(byte[].class), "a body of G.711A bytes"));
        return CompletableFuture.completedFuture(null);
    }),

    SUBSCRIBE("subscribe", Kind.SUBSCRIPTION, Target.DEVICE, in -> in.commands().subscribe(in.subscriptionDevice(),
            in.subscriptionKind(), in.endpoint().getExpires(), in.endpoint().getInterval(), in.timeout())),
    UNSUBSCRIBE("unsubscribe", Kind.SUBSCRIPTION, Target.DEVICE, in -> in.commands().unsubscribe(
            in.subscriptionDevice(), in.subscriptionKind(), in.timeout()));

    /** What a command does. */
    public enum Kind {
        /** Receives device events (the consumer). */
        EVENTS,
        /** Sends a MANSCDP Query; the reply is the device's Response. */
        QUERY,
        /** Sends a MANSCDP Control; the reply is the device's Response only with waitForResult. */
        CONTROL,
        /** Sends the MANSCDP document of the body, a Query or a Control. */
        DOCUMENT,
        /** Sets up, steers or ends a media session (INVITE, INFO, BYE) or a voice broadcast. */
        MEDIA,
        /** Subscribes to, or unsubscribes from, a device's catalog, alarms or positions. */
        SUBSCRIPTION
    }

    /** What a command is addressed to. */
    public enum Target {
        /** The device: a channel id names its owner. */
        DEVICE,
        /** A channel of the device (or the device itself when no channel is given). */
        CHANNEL,
        /** A media session, named by the header CamelGb28181SessionId. */
        SESSION,
        /** Nothing in particular. */
        NONE
    }

    /** Runs a command for one exchange. */
    @FunctionalInterface
    interface Handler {
        CompletableFuture<?> execute(CommandInput in) throws Exception;
    }

    private final String value;
    private final Kind kind;
    private final Target target;
    private final Handler handler;
    private final ControlActions actions;

    /** A command that does what {@code handler} says. */
    Gb28181Command(String value, Kind kind, Target target, Handler handler) {
        this(value, kind, target, handler, null);
    }

    /** A control command that sends the document of the exchange's action. */
    Gb28181Command(String value, Kind kind, Target target, ControlActions actions) {
        this(value, kind, target, in -> in.send(actions.document(in)), actions);
    }

    Gb28181Command(String value, Kind kind, Target target, Handler handler, ControlActions actions) {
        this.value = value;
        this.kind = kind;
        this.target = target;
        this.handler = handler;
        this.actions = actions;
    }

    /** The command as a URI names it: {@code deviceInfo}. */
    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    public Target target() {
        return target;
    }

    /** The actions the command takes (ptz: up, down...), empty for a command without actions. */
    public Set<String> actions() {
        return actions == null ? Set.of() : actions.names();
    }

    Handler handler() {
        return handler;
    }

    /** Fails with the valid choices when the command has actions and this is none of them. */
    void checkAction(String action) {
        if (actions != null) {
            actions.check(action);
        }
    }

    /** The value, as the JSON schema lists it and the URI names it. */
    @Override
    public String toString() {
        return value;
    }

    /** The command a URI or header names, in any letter case; unknown names fail with the list of valid ones. */
    public static Gb28181Command of(String name) {
        if (name != null) {
            String wanted = name.trim();
            for (Gb28181Command command : values()) {
                if (command.value.equalsIgnoreCase(wanted) || command.name().equalsIgnoreCase(wanted)) {
                    return command;
                }
            }
        }
        throw new IllegalArgumentException("Unknown gb28181 command '" + name + "'; use one of "
                                           + Arrays.stream(values()).map(Gb28181Command::value)
                                                   .collect(Collectors.joining(", ")));
    }

    /** Lower case without separators, as actions are compared: {@code UP_LEFT} and {@code up-left} are upleft. */
    static String normalizeAction(String action) {
        return action.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}

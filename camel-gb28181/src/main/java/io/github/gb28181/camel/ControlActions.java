package io.github.gb28181.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.PtzCmdParams;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;

/**
 * The actions of one control command (ptz: up, down...), each with the document it sends: the action names are the
 * valid choices an endpoint is checked against, and the only list of them.
 */
final class ControlActions {

    static final ControlActions PTZ = new ControlActions("ptz")
            .ptz("up", in -> PtzCmd.up(in.speed()))
            .ptz("down", in -> PtzCmd.down(in.speed()))
            .ptz("left", in -> PtzCmd.left(in.speed()))
            .ptz("right", in -> PtzCmd.right(in.speed()))
            .ptz("upleft", in -> PtzCmd.upLeft(in.speed(), in.speed()))
            .ptz("upright", in -> PtzCmd.upRight(in.speed(), in.speed()))
            .ptz("downleft", in -> PtzCmd.downLeft(in.speed(), in.speed()))
            .ptz("downright", in -> PtzCmd.downRight(in.speed(), in.speed()))
            // zoom speed is four bits: the top four of the 0-255 speed
            .ptz("zoomin", in -> PtzCmd.zoomIn(in.speed() >> 4))
            .ptz("zoomout", in -> PtzCmd.zoomOut(in.speed() >> 4))
            .ptz("stop", in -> PtzCmd.stop());

    // the focus speed goes in byte 6, as in the seed capture (A50F004100640059, focus far at 100) that a real Dahua
    // camera obeyed
    static final ControlActions FI = new ControlActions("fi")
            .ptz("focusnear", in -> PtzCmd.fi(PtzCmd.Focus.NEAR, PtzCmd.Iris.NONE, 0, in.speed()))
            .ptz("focusfar", in -> PtzCmd.fi(PtzCmd.Focus.FAR, PtzCmd.Iris.NONE, 0, in.speed()))
            .ptz("irisopen", in -> PtzCmd.irisOpen(in.speed()))
            .ptz("irisclose", in -> PtzCmd.irisClose(in.speed()))
            .ptz("stop", in -> PtzCmd.stop());

    static final ControlActions PRESET = new ControlActions("preset", PtzCmdParams::setPresetName)
            .ptz("set", in -> PtzCmd.presetSet(in.index("index (preset number)")))
            .ptz("call", in -> PtzCmd.presetCall(in.index("index (preset number)")))
            .ptz("delete", in -> PtzCmd.presetDelete(in.index("index (preset number)")));

    static final ControlActions CRUISE = new ControlActions("cruise", PtzCmdParams::setCruiseTrackName)
            .ptz("add", in -> PtzCmd.cruiseAddPoint(cruiseGroup(in), in.value("value (preset)")))
            .ptz("delete", in -> PtzCmd.cruiseDeletePoint(cruiseGroup(in), in.value("value (preset)")))
            .ptz("speed", in -> PtzCmd.cruiseSpeed(cruiseGroup(in), in.speed()))
            .ptz("dwell", in -> PtzCmd.cruiseDwell(cruiseGroup(in), in.value("value (dwell seconds)")))
            .ptz("start", in -> PtzCmd.cruiseStart(cruiseGroup(in)))
            .ptz("stop", in -> {
                cruiseGroup(in); // a cruise is always named, even to stop it
                return PtzCmd.stop();
            });

    static final ControlActions SCAN = new ControlActions("scan")
            .ptz("start", in -> PtzCmd.scanStart(in.index("index (scan group)")))
            .ptz("left", in -> PtzCmd.scanLeftBound(in.index("index (scan group)")))
            .ptz("right", in -> PtzCmd.scanRightBound(in.index("index (scan group)")))
            .ptz("speed", in -> PtzCmd.scanSpeed(in.index("index (scan group)"), in.speed()))
            .ptz("stop", in -> PtzCmd.stop());

    static final ControlActions AUX = new ControlActions("aux")
            .ptz("on", in -> PtzCmd.auxOn(in.index("index (switch number)")))
            .ptz("off", in -> PtzCmd.auxOff(in.index("index (switch number)")));

    static final ControlActions RECORD = new ControlActions("record")
            .on("start", in -> CommandDocuments.record(in, "Record"))
            .on("stop", in -> CommandDocuments.record(in, "StopRecord"));

    static final ControlActions GUARD = new ControlActions("guard")
            .on("set", in -> CommandDocuments.control(c -> c.setGuardCmd("SetGuard")))
            .on("reset", in -> CommandDocuments.control(c -> c.setGuardCmd("ResetGuard")));

    // GB/T 28181-2022 A.2.3.1.14: Manual tracks the area framed in the panorama, so it needs one; Auto may have one
    static final ControlActions TARGET_TRACK = new ControlActions("targetTrack")
            .on("auto", in -> CommandDocuments.targetTrack(in, "Auto", false))
            .on("manual", in -> CommandDocuments.targetTrack(in, "Manual", true))
            .on("stop", in -> CommandDocuments.targetTrack(in, "Stop", false));

    private final String command;
    private final Map<String, Function<CommandInput, ManscdpMessage>> documents = new LinkedHashMap<>();
    /** Where a name (option name) goes in PTZCmdParams, for the commands that have one. */
    private final BiConsumer<PtzCmdParams, String> naming;

    private ControlActions(String command) {
        this(command, null);
    }

    private ControlActions(String command, BiConsumer<PtzCmdParams, String> naming) {
        this.command = command;
        this.naming = naming;
    }

    private ControlActions on(String action, Function<CommandInput, ManscdpMessage> document) {
        documents.put(action, document);
        return this;
    }

    private ControlActions ptz(String action, Function<CommandInput, PtzCmd> cmd) {
        return on(action, in -> {
            DeviceControl control = CommandDocuments.ptz(cmd.apply(in));
            String name = naming != null ? in.name() : null;
            if (name != null) {
                PtzCmdParams params = new PtzCmdParams();
                naming.accept(params, name);
                control.setPtzCmdParams(params);
            }
            return control;
        });
    }

    private static int cruiseGroup(CommandInput in) {
        return in.index("index (cruise group)");
    }

    Set<String> names() {
        return Collections.unmodifiableSet(documents.keySet());
    }

    /** The document for the exchange's action. */
    ManscdpMessage document(CommandInput in) {
        return lookup(in.action()).apply(in);
    }

    void check(String action) {
        lookup(Gb28181Command.normalizeAction(action));
    }

    private Function<CommandInput, ManscdpMessage> lookup(String action) {
        Function<CommandInput, ManscdpMessage> document = documents.get(action);
        if (document == null) {
            throw new IllegalArgumentException("Unknown " + command + " action '" + action + "'; use one of "
                                               + String.join(", ", documents.keySet()));
        }
        return document;
    }
}

package io.github.gb28181.camel.manscdp.ptz;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 8-byte front-end command carried as 16 hex digits in {@code <PTZCmd>} (GB/T 28181-2016 A.3):
 *
 * <pre>
 * byte 0  A5
 * byte 1  version (high nibble, 0) | check of byte 0 (low nibble: (0xA + 0x5 + version) % 16 = 0xF)
 * byte 2  address, low 8 bits
 * byte 3  instruction
 * byte 4  data 1
 * byte 5  data 2
 * byte 6  data 3 (high nibble) | address, high 4 bits (low nibble)
 * byte 7  checksum: sum of bytes 0..6 mod 256
 * </pre>
 *
 * The address is normally 0: the target is named by the MESSAGE's DeviceID. Instances are immutable.
 */
public final class PtzCmd {

    /** Instruction families, from the instruction byte. */
    public enum Family {
        /** Pan, tilt, zoom; instruction 0 is stop. */
        PTZ,
        /** Focus and iris. */
        FI,
        PRESET,
        CRUISE,
        SCAN,
        AUX,
        UNKNOWN
    }

    /** Horizontal motion. */
    public enum Pan { NONE, LEFT, RIGHT }

    /** Vertical motion. */
    public enum Tilt { NONE, UP, DOWN }

    /** Lens zoom. */
    public enum Zoom { NONE, IN, OUT }

    /** Focus motion. */
    public enum Focus { NONE, NEAR, FAR }

    /** Iris motion. */
    public enum Iris { NONE, OPEN, CLOSE }

    public static final int PRESET_SET = 0x81;
    public static final int PRESET_CALL = 0x82;
    public static final int PRESET_DELETE = 0x83;
    public static final int CRUISE_ADD_POINT = 0x84;
    public static final int CRUISE_DELETE_POINT = 0x85;
    public static final int CRUISE_SET_SPEED = 0x86;
    public static final int CRUISE_SET_DWELL = 0x87;
    public static final int CRUISE_START = 0x88;
    public static final int SCAN = 0x89;
    public static final int SCAN_SET_SPEED = 0x8A;
    public static final int AUX_ON = 0x8C;
    public static final int AUX_OFF = 0x8D;

    private static final int FIRST = 0xA5;
    private static final int VERSION = 0;
    private static final int SECOND = ((((FIRST >> 4) + (FIRST & 0x0F) + VERSION) % 16) | (VERSION << 4));

    private static final int RIGHT = 0x01;
    private static final int LEFT = 0x02;
    private static final int DOWN = 0x04;
    private static final int UP = 0x08;
    private static final int ZOOM_IN = 0x10;
    private static final int ZOOM_OUT = 0x20;
    private static final int FI = 0x40;
    private static final int FOCUS_FAR = 0x01;
    private static final int FOCUS_NEAR = 0x02;
    private static final int IRIS_OPEN = 0x04;
    private static final int IRIS_CLOSE = 0x08;

    private final byte[] bytes;

    private PtzCmd(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Builds a command from its fields.
     *
     * @param address     0..4095, normally 0
     * @param instruction byte 3
     * @param data1       0..255
     * @param data2       0..255
     * @param data3       0..15
     */
    public static PtzCmd of(int address, int instruction, int data1, int data2, int data3) {
        check(address, 0xFFF, "address");
        check(instruction, 0xFF, "instruction");
        check(data1, 0xFF, "data1");
        check(data2, 0xFF, "data2");
        check(data3, 0x0F, "data3");
        byte[] b = new byte[8];
        b[0] = (byte) FIRST;
        b[1] = (byte) SECOND;
        b[2] = (byte) (address & 0xFF);
        b[3] = (byte) instruction;
        b[4] = (byte) data1;
        b[5] = (byte) data2;
        b[6] = (byte) ((data3 << 4) | (address >> 8));
        b[7] = (byte) checksum(b);
        return new PtzCmd(b);
    }

    private static void check(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + " but was " + value);
        }
    }

    private static int checksum(byte[] b) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += b[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    // ---- decoding ----

    /**
     * Parses 16 hex digits (either case, surrounding whitespace ignored) and validates the fixed
     * bytes and the checksum.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PtzCmd parse(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("PTZCmd is null");
        }
        String h = hex.strip();
        if (h.length() != 16) {
            throw new IllegalArgumentException("PTZCmd must be 16 hex digits but was \"" + hex + "\"");
        }
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("PTZCmd contains a non-hex digit: \"" + hex + "\"");
            }
            b[i] = (byte) ((hi << 4) | lo);
        }
        return fromBytes(b);
    }

    /** Validates and wraps 8 raw bytes. */
    public static PtzCmd fromBytes(byte[] raw) {
        if (raw == null || raw.length != 8) {
            throw new IllegalArgumentException("PTZCmd must be 8 bytes");
        }
        byte[] b = raw.clone();
        if ((b[0] & 0xFF) != FIRST) {
            throw new IllegalArgumentException(String.format("PTZCmd byte 0 must be A5 but was %02X", b[0] & 0xFF));
        }
        int version = (b[1] & 0xFF) >> 4;
        int expectedCheck = ((FIRST >> 4) + (FIRST & 0x0F) + version) % 16;
        if ((b[1] & 0x0F) != expectedCheck) {
            throw new IllegalArgumentException(String.format("PTZCmd byte 1 check nibble must be %X but was %X",
                    expectedCheck, b[1] & 0x0F));
        }
        int expected = checksum(b);
        if ((b[7] & 0xFF) != expected) {
            throw new IllegalArgumentException(String.format("PTZCmd checksum must be %02X but was %02X",
                    expected, b[7] & 0xFF));
        }
        return new PtzCmd(b);
    }

    // ---- builders: PTZ ----

    /** Stops every motion (PTZ, FI, cruise, scan): all instruction and data bytes zero. */
    public static PtzCmd stop() {
        return of(0, 0, 0, 0, 0);
    }

    /**
     * Moves and zooms at once.
     *
     * @param panSpeed  0..255 (data 1)
     * @param tiltSpeed 0..255 (data 2)
     * @param zoomSpeed 0..15 (data 3)
     */
    public static PtzCmd move(Pan pan, Tilt tilt, Zoom zoom, int panSpeed, int tiltSpeed, int zoomSpeed) {
        int cmd = 0;
        cmd |= pan == Pan.LEFT ? LEFT : pan == Pan.RIGHT ? RIGHT : 0;
        cmd |= tilt == Tilt.UP ? UP : tilt == Tilt.DOWN ? DOWN : 0;
        cmd |= zoom == Zoom.IN ? ZOOM_IN : zoom == Zoom.OUT ? ZOOM_OUT : 0;
        return of(0, cmd, panSpeed, tiltSpeed, zoomSpeed);
    }

    public static PtzCmd up(int speed) {
        return move(Pan.NONE, Tilt.UP, Zoom.NONE, 0, speed, 0);
    }

    public static PtzCmd down(int speed) {
        return move(Pan.NONE, Tilt.DOWN, Zoom.NONE, 0, speed, 0);
    }

    public static PtzCmd left(int speed) {
        return move(Pan.LEFT, Tilt.NONE, Zoom.NONE, speed, 0, 0);
    }

    public static PtzCmd right(int speed) {
        return move(Pan.RIGHT, Tilt.NONE, Zoom.NONE, speed, 0, 0);
    }

    public static PtzCmd upLeft(int panSpeed, int tiltSpeed) {
        return move(Pan.LEFT, Tilt.UP, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzCmd upRight(int panSpeed, int tiltSpeed) {
        return move(Pan.RIGHT, Tilt.UP, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzCmd downLeft(int panSpeed, int tiltSpeed) {
        return move(Pan.LEFT, Tilt.DOWN, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzCmd downRight(int panSpeed, int tiltSpeed) {
        return move(Pan.RIGHT, Tilt.DOWN, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    /** @param zoomSpeed 0..15 */
    public static PtzCmd zoomIn(int zoomSpeed) {
        return move(Pan.NONE, Tilt.NONE, Zoom.IN, 0, 0, zoomSpeed);
    }

    /** @param zoomSpeed 0..15 */
    public static PtzCmd zoomOut(int zoomSpeed) {
        return move(Pan.NONE, Tilt.NONE, Zoom.OUT, 0, 0, zoomSpeed);
    }

    // ---- builders: focus and iris ----

    /**
     * Focus and iris at once. The standard puts the focus speed in data 1 and the iris speed in
     * data 2; some platforms put a focus speed in data 2 (the seed capture does), which this method
     * can reproduce by passing the speeds explicitly.
     */
    public static PtzCmd fi(Focus focus, Iris iris, int focusSpeed, int irisSpeed) {
        int cmd = FI;
        cmd |= focus == Focus.FAR ? FOCUS_FAR : focus == Focus.NEAR ? FOCUS_NEAR : 0;
        cmd |= iris == Iris.OPEN ? IRIS_OPEN : iris == Iris.CLOSE ? IRIS_CLOSE : 0;
        return of(0, cmd, focusSpeed, irisSpeed, 0);
    }

    public static PtzCmd focusNear(int speed) {
        return fi(Focus.NEAR, Iris.NONE, speed, 0);
    }

    public static PtzCmd focusFar(int speed) {
        return fi(Focus.FAR, Iris.NONE, speed, 0);
    }

    public static PtzCmd irisOpen(int speed) {
        return fi(Focus.NONE, Iris.OPEN, 0, speed);
    }

    public static PtzCmd irisClose(int speed) {
        return fi(Focus.NONE, Iris.CLOSE, 0, speed);
    }

    // ---- builders: presets, cruise, scan, auxiliary ----

    /** @param preset 1..255 */
    public static PtzCmd presetSet(int preset) {
        return of(0, PRESET_SET, 0, preset, 0);
    }

    public static PtzCmd presetCall(int preset) {
        return of(0, PRESET_CALL, 0, preset, 0);
    }

    public static PtzCmd presetDelete(int preset) {
        return of(0, PRESET_DELETE, 0, preset, 0);
    }

    public static PtzCmd cruiseAddPoint(int group, int preset) {
        return of(0, CRUISE_ADD_POINT, group, preset, 0);
    }

    /** Preset 0 deletes the whole cruise. */
    public static PtzCmd cruiseDeletePoint(int group, int preset) {
        return of(0, CRUISE_DELETE_POINT, group, preset, 0);
    }

    /** @param speed 0..4095: low 8 bits in data 2, high 4 bits in data 3 */
    public static PtzCmd cruiseSpeed(int group, int speed) {
        check(speed, 0xFFF, "speed");
        return of(0, CRUISE_SET_SPEED, group, speed & 0xFF, speed >> 8);
    }

    /** @param seconds 0..4095: low 8 bits in data 2, high 4 bits in data 3 */
    public static PtzCmd cruiseDwell(int group, int seconds) {
        check(seconds, 0xFFF, "seconds");
        return of(0, CRUISE_SET_DWELL, group, seconds & 0xFF, seconds >> 8);
    }

    public static PtzCmd cruiseStart(int group) {
        return of(0, CRUISE_START, group, 0, 0);
    }

    public static PtzCmd scanStart(int group) {
        return of(0, SCAN, group, 0, 0);
    }

    public static PtzCmd scanLeftBound(int group) {
        return of(0, SCAN, group, 1, 0);
    }

    public static PtzCmd scanRightBound(int group) {
        return of(0, SCAN, group, 2, 0);
    }

    /** @param speed 0..4095: low 8 bits in data 2, high 4 bits in data 3 */
    public static PtzCmd scanSpeed(int group, int speed) {
        check(speed, 0xFFF, "speed");
        return of(0, SCAN_SET_SPEED, group, speed & 0xFF, speed >> 8);
    }

    public static PtzCmd auxOn(int switchNumber) {
        return of(0, AUX_ON, switchNumber, 0, 0);
    }

    public static PtzCmd auxOff(int switchNumber) {
        return of(0, AUX_OFF, switchNumber, 0, 0);
    }

    /** The same command for another address (recomputing the checksum). */
    public PtzCmd withAddress(int address) {
        return of(address, instruction(), data1(), data2(), data3());
    }

    // ---- accessors ----

    public String toHex() {
        StringBuilder sb = new StringBuilder(16);
        for (byte b : bytes) {
            sb.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return sb.toString();
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public int address() {
        return (bytes[2] & 0xFF) | ((bytes[6] & 0x0F) << 8);
    }

    public int instruction() {
        return bytes[3] & 0xFF;
    }

    public int data1() {
        return bytes[4] & 0xFF;
    }

    public int data2() {
        return bytes[5] & 0xFF;
    }

    public int data3() {
        return (bytes[6] & 0xF0) >> 4;
    }

    /** data 2 plus data 3 as its high nibble: the 12-bit value of cruise speed/dwell and scan speed. */
    public int value12() {
        return data2() | (data3() << 8);
    }

    public Family family() {
        int i = instruction();
        if ((i & 0xC0) == 0) {
            return Family.PTZ;
        }
        if ((i & 0xF0) == FI) {
            return Family.FI;
        }
        if (i >= PRESET_SET && i <= PRESET_DELETE) {
            return Family.PRESET;
        }
        if (i >= CRUISE_ADD_POINT && i <= CRUISE_START) {
            return Family.CRUISE;
        }
        if (i == SCAN || i == SCAN_SET_SPEED) {
            return Family.SCAN;
        }
        if (i == AUX_ON || i == AUX_OFF) {
            return Family.AUX;
        }
        return Family.UNKNOWN;
    }

    public boolean isStop() {
        return instruction() == 0;
    }

    public Pan pan() {
        if (family() != Family.PTZ) {
            return Pan.NONE;
        }
        int i = instruction();
        return (i & LEFT) != 0 ? Pan.LEFT : (i & RIGHT) != 0 ? Pan.RIGHT : Pan.NONE;
    }

    public Tilt tilt() {
        if (family() != Family.PTZ) {
            return Tilt.NONE;
        }
        int i = instruction();
        return (i & UP) != 0 ? Tilt.UP : (i & DOWN) != 0 ? Tilt.DOWN : Tilt.NONE;
    }

    public Zoom zoom() {
        if (family() != Family.PTZ) {
            return Zoom.NONE;
        }
        int i = instruction();
        return (i & ZOOM_IN) != 0 ? Zoom.IN : (i & ZOOM_OUT) != 0 ? Zoom.OUT : Zoom.NONE;
    }

    public Focus focus() {
        if (family() != Family.FI) {
            return Focus.NONE;
        }
        int i = instruction();
        return (i & FOCUS_NEAR) != 0 ? Focus.NEAR : (i & FOCUS_FAR) != 0 ? Focus.FAR : Focus.NONE;
    }

    public Iris iris() {
        if (family() != Family.FI) {
            return Iris.NONE;
        }
        int i = instruction();
        return (i & IRIS_CLOSE) != 0 ? Iris.CLOSE : (i & IRIS_OPEN) != 0 ? Iris.OPEN : Iris.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PtzCmd && Arrays.equals(bytes, ((PtzCmd) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}

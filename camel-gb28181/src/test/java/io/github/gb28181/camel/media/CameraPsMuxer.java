package io.github.gb28181.camel.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Muxes an Annex B elementary stream into a program stream the way GB/T 28181 cameras do: every picture starts a
 * pack, key frames carry a system header and a PSM, G.711 audio goes in packs of its own. Or, as some encoders do,
 * every NAL unit in a pack of its own. Written for the tests from ISO/IEC 13818-1; the receiver's parser is not used.
 */
public final class CameraPsMuxer {

    /** One muxed picture (or audio packet), as a camera would hand it to its RTP packetizer. */
    public record Unit(byte[] ps, long pts, boolean video, boolean key) {
    }

    private final boolean h265;
    private final boolean onePackPerNal;
    private final byte[] audio;
    private final int maxPesPayload;
    private boolean stamped = true;
    private boolean timestampPerNal;
    private boolean startCodesCut;
    private int audioStreamType = 0x90;
    private long firstPts = 90_000;

    /**
     * @param audio         G.711 A-law samples to interleave (8000 per second), or {@code null}
     * @param maxPesPayload how much of a picture one PES carries; a camera splits big pictures into several PES
     */
    public CameraPsMuxer(boolean h265, boolean onePackPerNal, byte[] audio, int maxPesPayload) {
        this.h265 = h265;
        this.onePackPerNal = onePackPerNal;
        this.audio = audio;
        this.maxPesPayload = maxPesPayload;
    }

    /** Some cheap encoders never write a PTS; their frames are told apart by the RTP timestamp only. */
    public CameraPsMuxer withoutPts() {
        stamped = false;
        return this;
    }

    /** The PTS of the first picture (90 kHz); the default is one second. A stream sent in a loop goes on from here. */
    public CameraPsMuxer startingAt(long pts) {
        firstPts = pts;
        return this;
    }

    /** With one pack per NAL unit: each NAL unit stamped a tick after the one before, as some encoders do. */
    public CameraPsMuxer timestampPerNal() {
        timestampPerNal = true;
        return this;
    }

    /**
     * Cuts every picture's PES inside each start code but the first, the way ffmpeg's 2 KB {@code -f vob} packs
     * fall: {@code 00 00} ends one PES, {@code 01} and the NAL header begin the next.
     */
    public CameraPsMuxer startCodesCut() {
        startCodesCut = true;
        return this;
    }

    /** The PSM stream type of the audio: 0x90 G.711 A-law (the default), 0x91 G.711 µ-law. */
    public CameraPsMuxer audioStreamType(int type) {
        audioStreamType = type;
        return this;
    }

    /** Splits an Annex B stream with access unit delimiters into its access units. */
    public static List<byte[]> accessUnits(byte[] es, boolean h265) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 4 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                int type = h265 ? (es[i + 3] >> 1) & 0x3F : es[i + 3] & 0x1F;
                if (type == (h265 ? 35 : 9)) {
                    starts.add(i > 0 && es[i - 1] == 0 ? i - 1 : i);
                }
            }
        }
        List<byte[]> units = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : es.length;
            byte[] unit = new byte[to - from];
            System.arraycopy(es, from, unit, 0, unit.length);
            units.add(unit);
        }
        return units;
    }

    /** Where the NAL unit headers of an Annex B access unit are: the byte after each start code. */
    public static int[] nalHeaders(byte[] au) {
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i + 3 < au.length; i++) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                headers.add(i + 3);
                i += 2;
            }
        }
        return headers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The NAL units of an access unit, each with its start code. */
    static List<byte[]> nalUnits(byte[] au) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 3 < au.length; i++) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                starts.add(i > 0 && au[i - 1] == 0 ? i - 1 : i);
                i += 2;
            }
        }
        List<byte[]> nals = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : au.length;
            byte[] nal = new byte[to - from];
            System.arraycopy(au, from, nal, 0, nal.length);
            nals.add(nal);
        }
        return nals;
    }

    /** Two bytes into every start code after the first. */
    private static List<Integer> startCodeCuts(byte[] au) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i + 3 < au.length; i++) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                cuts.add(i + 2);
                i += 2;
            }
        }
        return cuts;
    }

    boolean isKey(byte[] au) {
        for (byte[] nal : nalUnits(au)) {
            int h = nal[2] == 1 ? 3 : 4;
            int type = h265 ? (nal[h] >> 1) & 0x3F : nal[h] & 0x1F;
            if (h265 ? type >= 16 && type <= 23 : type == 5) {
                return true;
            }
        }
        return false;
    }

    /** Muxes 25 fps video, with 40 ms of audio after every picture when there is audio. */
    public List<Unit> mux(List<byte[]> accessUnits) {
        List<Unit> units = new ArrayList<>();
        long pts = firstPts;
        int audioPos = 0;
        for (byte[] au : accessUnits) {
            boolean key = isKey(au);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (onePackPerNal) {
                boolean first = true;
                long stamp = pts;
                for (byte[] nal : nalUnits(au)) {
                    packHeader(out, stamp);
                    if (first && key) {
                        systemHeaderAndMap(out);
                    }
                    pes(out, 0xE0, stamp, nal, 0, nal.length);
                    first = false;
                    stamp += timestampPerNal ? 1 : 0;
                }
            } else if (startCodesCut) {
                packHeader(out, pts);
                if (key) {
                    systemHeaderAndMap(out);
                }
                int from = 0;
                for (int cut : startCodeCuts(au)) {
                    pes(out, 0xE0, pts, au, from, cut - from);
                    from = cut;
                }
                pes(out, 0xE0, pts, au, from, au.length - from);
            } else {
                packHeader(out, pts);
                if (key) {
                    systemHeaderAndMap(out);
                }
                for (int off = 0; off < au.length; off += maxPesPayload) {
                    pes(out, 0xE0, pts, au, off, Math.min(maxPesPayload, au.length - off));
                }
            }
            units.add(new Unit(out.toByteArray(), pts, true, key));
            if (audio != null && audioPos + 320 <= audio.length) {
                ByteArrayOutputStream a = new ByteArrayOutputStream();
                packHeader(a, pts);
                pes(a, 0xC0, pts, audio, audioPos, 320);
                audioPos += 320;
                units.add(new Unit(a.toByteArray(), pts, false, false));
            }
            pts += 3600;
        }
        return units;
    }

    private static void packHeader(ByteArrayOutputStream out, long scr) {
        out.write(0);
        out.write(0);
        out.write(1);
        out.write(0xBA);
        out.write((int) (0x44 | ((scr >> 27) & 0x38) | ((scr >> 28) & 0x03)));
        out.write((int) ((scr >> 20) & 0xFF));
        out.write((int) (((scr >> 12) & 0xF8) | 0x04 | ((scr >> 13) & 0x03)));
        out.write((int) ((scr >> 5) & 0xFF));
        out.write((int) (((scr << 3) & 0xF8) | 0x04));
        out.write(0x01);
        out.write(0x01); // mux rate 0x0189C3 * 50 bytes/s, with its marker bits
        out.write(0x89);
        out.write(0xC3);
        out.write(0xF8); // no stuffing
    }

    private void systemHeaderAndMap(ByteArrayOutputStream out) {
        byte[] system = {0, 0, 1, (byte) 0xBB, 0, 12, (byte) 0x80, (byte) 0xCC, (byte) 0xF5, 0x04, (byte) 0xE1,
            (byte) 0xFF, (byte) 0xE0, (byte) 0xE8, 0x00, (byte) 0xC0, (byte) 0xC0, 0x20};
        out.writeBytes(system);
        int entries = audio != null ? 2 : 1;
        int length = 6 + 4 * entries + 4;
        out.writeBytes(new byte[] {0, 0, 1, (byte) 0xBC, (byte) (length >> 8), (byte) length, (byte) 0xE0,
            (byte) 0xFF, 0, 0, 0, (byte) (4 * entries)});
        out.writeBytes(new byte[] {(byte) (h265 ? 0x24 : 0x1B), (byte) 0xE0, 0, 0});
        if (audio != null) {
            out.writeBytes(new byte[] {(byte) audioStreamType, (byte) 0xC0, 0, 0});
        }
        out.writeBytes(new byte[] {0, 0, 0, 0}); // CRC_32: receivers do not check it and neither do cameras
    }

    private void pes(ByteArrayOutputStream out, int streamId, long pts, byte[] data, int off, int len) {
        if (!stamped) {
            int length = 3 + len;
            out.writeBytes(new byte[] {0, 0, 1, (byte) streamId, (byte) (length >> 8), (byte) length, (byte) 0x80, 0,
                0});
            out.write(data, off, len);
            return;
        }
        int length = 3 + 5 + len;
        out.writeBytes(new byte[] {0, 0, 1, (byte) streamId, (byte) (length >> 8), (byte) length, (byte) 0x80,
            (byte) 0x80, 5});
        out.write((int) (0x21 | ((pts >> 29) & 0x0E)));
        out.write((int) ((pts >> 22) & 0xFF));
        out.write((int) (0x01 | ((pts >> 14) & 0xFE)));
        out.write((int) ((pts >> 7) & 0xFF));
        out.write((int) (0x01 | ((pts << 1) & 0xFE)));
        out.write(data, off, len);
    }
}

package io.github.gb28181.camel.media.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the boxes of a fragmented MP4 file, ours or another muxer's, to tell its duration and what it holds without
 * decoding anything: moov for the tracks (timescale, handler, sample entry, trex defaults), then every moof whose
 * mdat is complete. Only box headers, moov and moofs are read; a malformed or cut file yields what its complete part
 * holds.
 */
public final class Mp4FileReader {

    /** A moov or moof bigger than this is not believed. */
    private static final int MAX_HEADER_BOX = 16 * 1024 * 1024;

    private final Map<Integer, Track> tracks = new HashMap<>();
    private String videoCodec;
    private String audioCodec;
    private long videoFrames;
    private long keyFrames;
    private long audioFrames;
    private long videoEnd;
    private long audioEnd;
    private long videoTimescale = 1;
    private long audioTimescale = 1;

    private static final class Track {
        long timescale = 1;
        boolean video;
        boolean audio;
        int defaultDuration;
        int defaultFlags;
    }

    private Mp4FileReader() {
    }

    public static Mp4FileSummary read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Mp4FileReader().read(channel);
        }
    }

    private Mp4FileSummary read(FileChannel channel) throws IOException {
        long size = channel.size();
        long pos = 0;
        long playable = 0;
        int fragments = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        ByteBuffer pendingMoof = null;
        while (pos + 8 <= size) {
            header.clear().limit(16);
            channel.read(header, pos);
            header.flip();
            if (header.remaining() < 8) {
                break;
            }
            long boxSize = header.getInt() & 0xFFFFFFFFL;
            String type = fourCc(header.getInt());
            int headerLength = 8;
            if (boxSize == 1) {
                if (header.remaining() < 8) {
                    break;
                }
                boxSize = header.getLong();
                headerLength = 16;
            } else if (boxSize == 0) {
                boxSize = size - pos;
            }
            if (boxSize < headerLength || pos + boxSize > size) {
                break; // cut here
            }
            if ("moov".equals(type) || "moof".equals(type)) {
                if (boxSize > MAX_HEADER_BOX) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate((int) (boxSize - headerLength));
                channel.read(body, pos + headerLength);
                body.flip();
                if ("moov".equals(type)) {
                    moov(body);
                    playable = pos + boxSize;
                } else {
                    pendingMoof = body;
                }
            } else if ("mdat".equals(type)) {
                if (pendingMoof != null) {
                    moof(pendingMoof);
                    pendingMoof = null;
                    fragments++;
                }
                playable = pos + boxSize;
            } else if (pendingMoof == null) {
                playable = pos + boxSize;
            }
            pos += boxSize;
        }
        long duration = videoFrames > 0 ? videoEnd * 1000 / videoTimescale : audioEnd * 1000 / audioTimescale;
        return new Mp4FileSummary(size, playable, fragments, videoFrames, keyFrames, audioFrames, duration, videoCodec,
                audioCodec);
    }

    private void moov(ByteBuffer b) {
        forEachBox(b, (type, body) -> {
            if ("trak".equals(type)) {
                trak(body);
            } else if ("mvex".equals(type)) {
                forEachBox(body, (t, trex) -> {
                    if ("trex".equals(t) && trex.remaining() >= 24) {
                        trex.getInt(); // version, flags
                        Track track = tracks.computeIfAbsent(trex.getInt(), id -> new Track());
                        trex.getInt(); // description index
                        track.defaultDuration = trex.getInt();
                        trex.getInt(); // size
                        track.defaultFlags = trex.getInt();
                    }
                });
            }
        });
    }

    private void trak(ByteBuffer b) {
        Track track = new Track();
        int[] id = {-1};
        forEachBox(b, (type, body) -> {
            if ("tkhd".equals(type)) {
                int version = body.get() & 0xFF;
                body.position(body.position() + 3 + (version == 1 ? 16 : 8));
                id[0] = body.getInt();
            } else if ("mdia".equals(type)) {
                forEachBox(body, (t, box) -> {
                    if ("mdhd".equals(t)) {
                        int version = box.get() & 0xFF;
                        box.position(box.position() + 3 + (version == 1 ? 16 : 8));
                        track.timescale = Math.max(1, box.getInt() & 0xFFFFFFFFL);
                    } else if ("hdlr".equals(t)) {
                        box.position(box.position() + 8);
                        String handler = fourCc(box.getInt());
                        track.video = "vide".equals(handler);
                        track.audio = "soun".equals(handler);
                    } else if ("minf".equals(t)) {
                        sampleEntry(box, track);
                    }
                });
            }
        });
        if (id[0] >= 0) {
            Track known = tracks.get(id[0]);
            if (known != null) {
                track.defaultDuration = known.defaultDuration;
                track.defaultFlags = known.defaultFlags;
            }
            tracks.put(id[0], track);
            if (track.video) {
                videoTimescale = track.timescale;
            } else if (track.audio) {
                audioTimescale = track.timescale;
            }
        }
    }

    private void sampleEntry(ByteBuffer minf, Track track) {
        forEachBox(minf, (type, stbl) -> {
            if ("stbl".equals(type)) {
                forEachBox(stbl, (t, stsd) -> {
                    if ("stsd".equals(t) && stsd.remaining() >= 16) {
                        stsd.position(stsd.position() + 12); // version, flags, entry_count, entry size
                        String entry = fourCc(stsd.getInt());
                        if (track.video) {
                            videoCodec = entry;
                        } else if (track.audio) {
                            audioCodec = entry;
                        }
                    }
                });
            }
        });
    }

    private void moof(ByteBuffer b) {
        forEachBox(b, (type, traf) -> {
            if ("traf".equals(type)) {
                traf(traf);
            }
        });
    }

    private void traf(ByteBuffer b) {
        Track[] track = {null};
        int[] defaults = new int[2];
        long[] start = {0};
        forEachBox(b, (type, box) -> {
            int versionFlags = box.remaining() >= 4 ? box.getInt() : 0;
            int flags = versionFlags & 0xFFFFFF;
            if ("tfhd".equals(type)) {
                track[0] = tracks.get(box.getInt());
                if (track[0] != null) {
                    defaults[0] = track[0].defaultDuration;
                    defaults[1] = track[0].defaultFlags;
                }
                if ((flags & 0x01) != 0) {
                    box.getLong();
                }
                if ((flags & 0x02) != 0) {
                    box.getInt();
                }
                if ((flags & 0x08) != 0) {
                    defaults[0] = box.getInt();
                }
                if ((flags & 0x10) != 0) {
                    box.getInt();
                }
                if ((flags & 0x20) != 0) {
                    defaults[1] = box.getInt();
                }
            } else if ("tfdt".equals(type)) {
                start[0] = versionFlags >>> 24 == 1 ? box.getLong() : box.getInt() & 0xFFFFFFFFL;
            } else if ("trun".equals(type) && track[0] != null) {
                trun(box, flags, track[0], defaults, start);
            }
        });
    }

    private void trun(ByteBuffer box, int flags, Track track, int[] defaults, long[] start) {
        long count = box.getInt() & 0xFFFFFFFFL;
        if ((flags & 0x01) != 0) {
            box.getInt();
        }
        int firstFlags = (flags & 0x04) != 0 ? box.getInt() : -1;
        int fields = Integer.bitCount(flags & 0xF00);
        if (count * fields * 4 > box.remaining()) {
            return;
        }
        long time = start[0];
        for (long i = 0; i < count; i++) {
            int duration = (flags & 0x100) != 0 ? box.getInt() : defaults[0];
            if ((flags & 0x200) != 0) {
                box.getInt();
            }
            int sampleFlags = (flags & 0x400) != 0 ? box.getInt() : i == 0 && firstFlags != -1 ? firstFlags
                    : defaults[1];
            if ((flags & 0x800) != 0) {
                box.getInt();
            }
            time += duration & 0xFFFFFFFFL;
            if (track.video) {
                videoFrames++;
                if ((sampleFlags & 0x00010000) == 0) {
                    keyFrames++;
                }
            } else if (track.audio) {
                audioFrames++;
            }
        }
        if (track.video) {
            videoEnd = Math.max(videoEnd, time);
        } else if (track.audio) {
            audioEnd = Math.max(audioEnd, time);
        }
    }

    private interface BoxVisitor {
        void box(String type, ByteBuffer body);
    }

    /** Calls the visitor with each child box's body; stops at a child that does not fit. */
    private static void forEachBox(ByteBuffer b, BoxVisitor visitor) {
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = b.getInt() & 0xFFFFFFFFL;
            String type = fourCc(b.getInt());
            if (size < 8 || size > b.remaining() + 8L) {
                return;
            }
            ByteBuffer body = b.slice(start + 8, (int) size - 8);
            try {
                visitor.box(type, body);
            } catch (RuntimeException e) {
                // a box shorter than its fields: what it would have said is not counted
            }
            b.position(start + (int) size);
        }
    }

    private static String fourCc(int v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}

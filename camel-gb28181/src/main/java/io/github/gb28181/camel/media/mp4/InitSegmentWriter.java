package io.github.gb28181.camel.media.mp4;

/**
 * Writes the init segment (ISO/IEC 14496-12: ftyp, then a moov with empty sample tables and an mvex, as fragmented
 * files have): track 1 is the video, track 2 the audio when there is one.
 */
final class InitSegmentWriter {

    static final int VIDEO_TRACK = 1;
    static final int AUDIO_TRACK = 2;
    static final int MOVIE_TIMESCALE = 1000;

    private InitSegmentWriter() {
    }

    /** The segment's bytes; {@code durationOffset[0]} gets where mehd's 64-bit duration is. */
    static byte[] write(BoxBuffer out, VideoConfig video, AudioConfig audio, int[] durationOffset) {
        out.clear();
        int ftyp = out.begin("ftyp");
        out.fourCc("isom");
        out.u32(0x200);
        out.fourCc("isom");
        out.fourCc("iso6");
        out.fourCc("mp41");
        out.fourCc(video.codecString().startsWith("avc1") ? "avc1" : "hvc1");
        out.end(ftyp);

        int moov = out.begin("moov");
        int mvhd = out.beginFull("mvhd", 0, 0);
        out.u32(0); // creation_time
        out.u32(0); // modification_time
        out.u32(MOVIE_TIMESCALE);
        out.u32(0); // duration: in mehd
        out.u32(0x00010000); // rate 1.0
        out.u16(0x0100); // volume 1.0
        out.zeros(10);
        out.unityMatrix();
        out.zeros(24); // pre_defined
        out.u32(audio != null ? 3 : 2); // next_track_ID
        out.end(mvhd);

        track(out, VIDEO_TRACK, MediaClock.TICKS, video, null);
        if (audio != null) {
            track(out, AUDIO_TRACK, audio.sampleRate(), null, audio);
        }

        int mvex = out.begin("mvex");
        int mehd = out.beginFull("mehd", 1, 0);
        durationOffset[0] = out.size();
        out.u64(0); // fragment_duration: unknown while live
        out.end(mehd);
        trex(out, VIDEO_TRACK);
        if (audio != null) {
            trex(out, AUDIO_TRACK);
        }
        out.end(mvex);
        out.end(moov);
        return out.toArray();
    }

    private static void track(BoxBuffer out, int id, long timescale, VideoConfig video, AudioConfig audio) {
        int trak = out.begin("trak");
        int tkhd = out.beginFull("tkhd", 0, 3); // enabled, in movie
        out.u32(0);
        out.u32(0);
        out.u32(id);
        out.u32(0);
        out.u32(0); // duration
        out.zeros(8);
        out.u16(0); // layer
        out.u16(0); // alternate_group
        out.u16(audio != null ? 0x0100 : 0); // volume
        out.u16(0);
        out.unityMatrix();
        out.u32(video != null ? (long) video.width() << 16 : 0);
        out.u32(video != null ? (long) video.height() << 16 : 0);
        out.end(tkhd);

        int mdia = out.begin("mdia");
        int mdhd = out.beginFull("mdhd", 0, 0);
        out.u32(0);
        out.u32(0);
        out.u32(timescale);
        out.u32(0);
        out.u16(0x55C4); // language "und"
        out.u16(0);
        out.end(mdhd);
        int hdlr = out.beginFull("hdlr", 0, 0);
        out.u32(0);
        out.fourCc(video != null ? "vide" : "soun");
        out.zeros(12);
        out.bytes((video != null ? "VideoHandler\0" : "SoundHandler\0").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        out.end(hdlr);

        int minf = out.begin("minf");
        if (video != null) {
            int vmhd = out.beginFull("vmhd", 0, 1);
            out.zeros(8);
            out.end(vmhd);
        } else {
            int smhd = out.beginFull("smhd", 0, 0);
            out.zeros(4);
            out.end(smhd);
        }
        int dinf = out.begin("dinf");
        int dref = out.beginFull("dref", 0, 0);
        out.u32(1);
        int url = out.beginFull("url ", 0, 1); // media data in this file
        out.end(url);
        out.end(dref);
        out.end(dinf);

        int stbl = out.begin("stbl");
        int stsd = out.beginFull("stsd", 0, 0);
        out.u32(1);
        if (video != null) {
            video.writeSampleEntry(out);
        } else {
            audio.writeSampleEntry(out);
        }
        out.end(stsd);
        emptyTable(out, "stts");
        emptyTable(out, "stsc");
        int stsz = out.beginFull("stsz", 0, 0);
        out.u32(0);
        out.u32(0);
        out.end(stsz);
        emptyTable(out, "stco");
        out.end(stbl);
        out.end(minf);
        out.end(mdia);
        out.end(trak);
    }

    private static void emptyTable(BoxBuffer out, String type) {
        int box = out.beginFull(type, 0, 0);
        out.u32(0);
        out.end(box);
    }

    private static void trex(BoxBuffer out, int id) {
        int trex = out.beginFull("trex", 0, 0);
        out.u32(id);
        out.u32(1); // default_sample_description_index
        out.u32(0);
        out.u32(0);
        out.u32(0);
        out.end(trex);
    }
}

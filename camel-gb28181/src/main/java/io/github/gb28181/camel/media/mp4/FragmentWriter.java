package io.github.gb28181.camel.media.mp4;

/**
 * Writes one media fragment: a moof with a traf per track that has samples (tfhd with default-base-is-moof, tfdt,
 * and a trun listing each sample's duration, size, flags and composition offset), then the mdat with the samples.
 * The moof is built in a reused buffer; the fragment's bytes are the one array allocated.
 */
final class FragmentWriter {

    private static final int DATA_OFFSET = 0x000001;
    private static final int DURATION = 0x000100;
    private static final int SIZE = 0x000200;
    private static final int FLAGS = 0x000400;
    private static final int COMPOSITION = 0x000800;

    private FragmentWriter() {
    }

    static byte[] write(BoxBuffer moof, long sequence, SampleRun video, SampleRun audio) {
        moof.clear();
        int box = moof.begin("moof");
        int mfhd = moof.beginFull("mfhd", 0, 0);
        moof.u32(sequence);
        moof.end(mfhd);
        int videoOffsetField = video.isEmpty() ? -1
                : traf(moof, InitSegmentWriter.VIDEO_TRACK, video, DATA_OFFSET | DURATION | SIZE | FLAGS
                                                                           | COMPOSITION);
        int audioOffsetField = audio.isEmpty() ? -1
                : traf(moof, InitSegmentWriter.AUDIO_TRACK, audio, DATA_OFFSET | DURATION | SIZE);
        moof.end(box);

        int moofSize = moof.size();
        long mdatSize = 8 + video.bytes() + audio.bytes();
        long total = moofSize + mdatSize;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("A fragment of " + total + " bytes");
        }
        if (videoOffsetField >= 0) {
            moof.putU32At(videoOffsetField, moofSize + 8);
        }
        if (audioOffsetField >= 0) {
            moof.putU32At(audioOffsetField, moofSize + 8 + video.bytes());
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(moof.array(), 0, out, 0, moofSize);
        int at = moofSize;
        out[at] = (byte) (mdatSize >>> 24);
        out[at + 1] = (byte) (mdatSize >>> 16);
        out[at + 2] = (byte) (mdatSize >>> 8);
        out[at + 3] = (byte) mdatSize;
        out[at + 4] = 'm';
        out[at + 5] = 'd';
        out[at + 6] = 'a';
        out[at + 7] = 't';
        at = video.copyTo(out, at + 8);
        audio.copyTo(out, at);
        return out;
    }

    /** @return where the trun's data_offset is, to be filled in once the moof's size is known */
    private static int traf(BoxBuffer out, int trackId, SampleRun run, int trunFlags) {
        int traf = out.begin("traf");
        int tfhd = out.beginFull("tfhd", 0, 0x020000); // default-base-is-moof
        out.u32(trackId);
        out.end(tfhd);
        int tfdt = out.beginFull("tfdt", 1, 0);
        out.u64(run.time(0));
        out.end(tfdt);
        int trun = out.beginFull("trun", 1, trunFlags); // version 1: signed composition offsets
        out.u32(run.count());
        int offsetField = out.size();
        out.u32(0);
        for (int i = 0; i < run.count(); i++) {
            out.u32(run.duration(i));
            out.u32(run.size(i));
            if ((trunFlags & FLAGS) != 0) {
                out.u32(run.flags(i));
            }
            if ((trunFlags & COMPOSITION) != 0) {
                out.u32(run.compositionOffset(i));
            }
        }
        out.end(trun);
        out.end(traf);
        return offsetField;
    }
}

package io.github.gb28181.camel.media.send;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.codec.AudioCodecs;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;

/**
 * Tells what a frame to send is when its sender did not say: program stream or elementary stream, which codec,
 * whether it is a key frame. Only what the bytes show for certain is believed.
 */
public final class FrameInspector {

    /** The smallest id of a program stream start code: everything from the pack header (BA) on. */
    private static final int FIRST_SYSTEM_ID = 0xB9;

    private FrameInspector() {
    }

    /**
     * A program stream starts with a pack header, a system header, a map or a PES: a start code whose id has its top
     * bit set, which no H.264 or H.265 NAL unit header has. Raw G.711 samples may look like anything, so audio
     * senders should say what they send.
     */
    public static MediaMode format(byte[] body) {
        boolean ps = body.length >= 4 && body[0] == 0 && body[1] == 0 && body[2] == 1
                     && (body[3] & 0xFF) >= FIRST_SYSTEM_ID;
        return ps ? MediaMode.PS : MediaMode.ES;
    }

    /**
     * The codec of an elementary-stream frame, from its NAL units or its ADTS header.
     *
     * @return the codec, or {@link MediaCodec#UNKNOWN} (G.711 never tells)
     */
    public static MediaCodec codec(byte[] body) {
        MediaCodec video = NalUnits.sniff(body, 0, body.length);
        return video != null ? video : AudioCodecs.sniff(body, 0, body.length);
    }

    /**
     * Whether a frame holds a picture a decoder can start at. The NAL units are looked for in a program stream as
     * well: its own start codes never look like one of a key picture.
     *
     * @param codec the video codec, or UNKNOWN to find it out
     * @return whether it is a key frame; true for a frame whose codec cannot be told, so it is never held back
     */
    public static boolean keyFrame(MediaCodec codec, byte[] body) {
        MediaCodec video = codec.type() == MediaStreamType.VIDEO ? codec : NalUnits.sniff(body, 0, body.length);
        if (video != MediaCodec.H264 && video != MediaCodec.H265) {
            return codec.type() != MediaStreamType.AUDIO;
        }
        return NalUnits.anyKeyPicture(video, body, 0, body.length);
    }
}

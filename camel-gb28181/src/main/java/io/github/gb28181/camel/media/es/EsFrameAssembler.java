package io.github.gb28181.camel.media.es;

import io.github.gb28181.camel.media.FrameOutput;
import io.github.gb28181.camel.media.codec.AudioCodecs;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.ps.FrameAssembler;
import io.github.gb28181.camel.media.ps.PsElement;

/**
 * Elementary-stream mode: one frame per video access unit, one per audio PES. The first video stream id seen is
 * the video; PES of any other video stream id are ignored (GB/T 28181 senders carry one). Audio PES are complete
 * by construction (the demuxer hands on whole elements), so a loss never damages one.
 */
public final class EsFrameAssembler implements FrameAssembler {

    private final FrameOutput output;
    private final VideoEsAssembler video;
    private int videoStreamId = -1;
    private long ignoredPes;

    public EsFrameAssembler(int maxFrameSize, FrameOutput output) {
        this.output = output;
        this.video = new VideoEsAssembler(maxFrameSize, output);
    }

    @Override
    public void onElement(PsElement e) {
        if (e.isVideo()) {
            if (videoStreamId < 0) {
                videoStreamId = e.streamId();
            }
            if (e.streamId() == videoStreamId) {
                video.append(e);
            } else {
                ignoredPes++;
            }
        } else if (e.isAudio() && e.payloadLength() > 0) {
            byte[] payload = new byte[e.payloadLength()];
            System.arraycopy(e.data(), e.payloadOffset(), payload, 0, payload.length);
            output.frame(payload, e.pts(), e.dts(), e.rtpTimestamp(), false, audioCodec(e, payload),
                    MediaStreamType.AUDIO, false, null);
        }
    }

    @Override
    public void onDiscontinuity() {
        video.discontinuity();
    }

    @Override
    public void flush() {
        video.flush();
    }

    /** Video PES of a second video stream, ignored. */
    public long ignoredPes() {
        return ignoredPes;
    }

    @Override
    public long oversized() {
        return video.oversized();
    }

    static MediaCodec audioCodec(PsElement e, byte[] payload) {
        if (e.streamType() >= 0) {
            return MediaCodec.fromStreamType(e.streamType());
        }
        return AudioCodecs.sniff(payload, 0, payload.length);
    }
}

package io.github.gb28181.camel.media.ps;

import io.github.gb28181.camel.media.FrameOutput;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.AudioCodecs;
import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;

/**
 * PS mode: groups program stream elements into frames, passing the sender's bytes through unchanged.
 * <p>
 * A frame starts at the PES of the video stream that carries a new PTS, together with the pack header, system
 * header and PSM just before it, and runs to the next such PES. That gives one frame per picture for senders that
 * start a pack per picture (cameras), start a PES per picture without a pack header (GStreamer), or put every NAL
 * unit in a pack of its own. Senders that never stamp a PTS are framed by the RTP timestamp instead. The marker bit
 * is not used: some senders set it per muxer buffer, not per frame. Muxers that cut PES across pictures (ffmpeg's
 * 2 KB packs) cannot be split at a picture without rewriting their packets: their frames are pack-aligned groups that
 * begin where a new picture begins, and ES mode gives exact access units.
 * <p>
 * A PES that carries no picture (parameter sets, SEI, delimiters) with a PTS of its own does not start a frame: it
 * belongs to the picture after it, so senders that put every NAL unit in a pack with a timestamp of its own still
 * give one frame per picture. Start codes split across two PES packets (ffmpeg's {@code -f vob} packs) are found
 * by looking across the boundary.
 * <p>
 * Audio-only streams are framed the same way by their audio PTS. After a discontinuity the frame in progress is
 * damaged, and so is the next one unless some element of the damaged one was seen first: its beginning may be what
 * was lost.
 */
public final class PsFrameAssembler implements FrameAssembler {

    private static final int SEAM = 5;

    private final int maxFrameSize;
    private final FrameOutput output;
    private final GrowableBuffer frame = new GrowableBuffer(64 * 1024);
    private final GrowableBuffer leadIn = new GrowableBuffer(256);

    private int videoStreamId = -1;
    private int audioStreamId = -1;
    private boolean stampedByPts;
    private MediaCodec videoCodec;

    private boolean open;
    private boolean damaged;
    private boolean oversize;
    private boolean afterGap;
    private boolean hasVideo;
    private boolean hasPrimary;
    private long pts;
    private long dts;
    private long rtpTimestamp;
    private long leadInRtpTimestamp;
    private boolean key;
    private boolean hasPicture;
    private MediaCodec audioCodec;
    /** the last bytes of the previous video payload, for a start code cut between two PES packets */
    private final byte[] seam = new byte[2 * SEAM];
    private int tailLength;

    private long oversized;

    public PsFrameAssembler(int maxFrameSize, FrameOutput output) {
        this.maxFrameSize = maxFrameSize;
        this.output = output;
        reset();
    }

    @Override
    public void onElement(PsElement e) {
        switch (e.kind()) {
            case PES:
                onPes(e);
                break;
            case END:
                addLeadIn(e);
                if (open) {
                    append(leadIn.array(), 0, leadIn.size());
                    emit();
                }
                leadIn.clear();
                break;
            default:
                addLeadIn(e);
        }
    }

    @Override
    public void onDiscontinuity() {
        tailLength = 0;
        if (open) {
            damaged = true;
        }
        afterGap = true;
    }

    @Override
    public void flush() {
        if (open) {
            // trailing padding belongs to the stream; keep the bytes passing through complete
            append(leadIn.array(), 0, leadIn.size());
            emit();
        }
        leadIn.clear();
    }

    @Override
    public long oversized() {
        return oversized;
    }

    private void addLeadIn(PsElement e) {
        if (leadIn.size() == 0) {
            leadInRtpTimestamp = e.rtpTimestamp();
        }
        // lead-in elements are small; a sender that piles up megabytes of them is not sending frames
        if (leadIn.size() + e.length() <= maxFrameSize) {
            leadIn.append(e.data(), e.offset(), e.length());
        }
    }

    private void onPes(PsElement e) {
        boolean primary = isPrimary(e);
        if (primary && e.pts() != MediaFrame.NO_TIMESTAMP) {
            stampedByPts = true;
        }
        boolean startsFrame = primary && (!open || startsNewFrame(e));
        if (open && startsFrame) {
            emit();
        }
        if (!open) {
            open = true;
            damaged = afterGap;
            rtpTimestamp = leadIn.size() > 0 ? leadInRtpTimestamp : e.rtpTimestamp();
        }
        // either this frame is damaged already, or an element of the damaged one was seen: the next start is real
        afterGap = false;
        append(leadIn.array(), 0, leadIn.size());
        leadIn.clear();
        append(e.data(), e.offset(), e.length());
        if (primary && (!hasPrimary || !hasPicture && e.pts() != MediaFrame.NO_TIMESTAMP)) {
            // the frame's time is its picture's: a parameter set stamped before it does not set it
            hasPrimary = true;
            pts = e.pts();
            dts = e.dts();
        }
        if (e.isVideo()) {
            hasVideo = true;
            if (e.streamId() == videoStreamId) {
                inspectVideo(e);
            } else {
                hasPicture = true;
            }
        } else if (e.isAudio() && audioCodec == null) {
            audioCodec = e.streamType() >= 0 ? MediaCodec.fromStreamType(e.streamType())
                    : AudioCodecs.sniff(e.data(), e.payloadOffset(), e.payloadOffset() + e.payloadLength());
        }
    }

    private boolean isPrimary(PsElement e) {
        if (e.isVideo()) {
            if (videoStreamId < 0) {
                videoStreamId = e.streamId();
            }
            return e.streamId() == videoStreamId;
        }
        if (e.isAudio() && videoStreamId < 0) {
            if (audioStreamId < 0) {
                audioStreamId = e.streamId();
            }
            return e.streamId() == audioStreamId;
        }
        return false;
    }

    private boolean startsNewFrame(PsElement e) {
        if (!hasPrimary) {
            return false;
        }
        if (stampedByPts) {
            return hasPicture && e.pts() != MediaFrame.NO_TIMESTAMP && e.pts() != pts;
        }
        long stamp = leadIn.size() > 0 ? leadInRtpTimestamp : e.rtpTimestamp();
        return stamp != rtpTimestamp;
    }

    private void inspectVideo(PsElement e) {
        int from = e.payloadOffset();
        int to = from + e.payloadLength();
        if (videoCodec == null || videoCodec == MediaCodec.UNKNOWN) {
            videoCodec = e.streamType() >= 0 ? MediaCodec.fromStreamType(e.streamType()) : NalUnits.sniff(e.data(),
                    from, to);
        }
        if (videoCodec != MediaCodec.H264 && videoCodec != MediaCodec.H265) {
            hasPicture = true;
            return;
        }
        // not just the first picture: a muxer that cuts packs across pictures may put a key frame second in a frame
        if (!key) {
            key = e.startCodes() != null ? NalUnits.anyKeyPicture(videoCodec, e.data(), e.startCodes(), to)
                    : NalUnits.anyKeyPicture(videoCodec, e.data(), from, to);
        }
        if (!hasPicture) {
            hasPicture = NalUnits.anyPicture(videoCodec, e.data(), from, to);
        }
        acrossSeam(e.data(), from, to);
    }

    /** A start code cut between the previous video payload and this one, with the NAL header after it. */
    private void acrossSeam(byte[] d, int from, int to) {
        int head = Math.min(SEAM, to - from);
        if (tailLength > 0 && (!key || !hasPicture)) {
            System.arraycopy(d, from, seam, tailLength, head);
            int length = tailLength + head;
            key |= NalUnits.anyKeyPicture(videoCodec, seam, 0, length);
            hasPicture |= NalUnits.anyPicture(videoCodec, seam, 0, length);
        }
        int keep = Math.min(SEAM, to - from);
        if (keep < SEAM && tailLength > 0) {
            // a payload shorter than the seam: keep what came before it too
            int old = Math.min(tailLength, SEAM - keep);
            System.arraycopy(seam, tailLength - old, seam, 0, old);
            System.arraycopy(d, to - keep, seam, old, keep);
            tailLength = old + keep;
        } else {
            System.arraycopy(d, to - keep, seam, 0, keep);
            tailLength = keep;
        }
    }

    private void append(byte[] d, int offset, int length) {
        if (oversize || length == 0) {
            return;
        }
        if (frame.size() + length > maxFrameSize) {
            oversize = true;
            frame.clear();
            return;
        }
        frame.append(d, offset, length);
    }

    private void emit() {
        if (oversize) {
            oversized++;
        } else {
            MediaCodec codec;
            MediaStreamType type;
            if (hasVideo) {
                codec = videoCodec != null ? videoCodec : MediaCodec.UNKNOWN;
                type = MediaStreamType.VIDEO;
            } else {
                codec = audioCodec != null ? audioCodec : MediaCodec.UNKNOWN;
                type = MediaStreamType.AUDIO;
            }
            output.frame(frame.toArray(), pts, dts, rtpTimestamp, key, codec, type, damaged, null);
        }
        frame.clear();
        reset();
    }

    private void reset() {
        open = false;
        damaged = false;
        oversize = false;
        hasVideo = false;
        hasPrimary = false;
        pts = MediaFrame.NO_TIMESTAMP;
        dts = MediaFrame.NO_TIMESTAMP;
        key = false;
        hasPicture = false;
    }
}

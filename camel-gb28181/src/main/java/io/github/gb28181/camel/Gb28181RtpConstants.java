package io.github.gb28181.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of gb28181-rtp: set by the consumer on every frame, and read by the producer, so a route from a
 * consumer to a producer relays frames as they are.
 */
public final class Gb28181RtpConstants {

    @Metadata(description = "The RTP SSRC of the stream as the ten decimal digits GB/T 28181 writes in the SDP y= line,"
                            + " for example 0100000001. Producer: the SSRC to send with when neither the session nor"
                            + " the ssrc option names one.",
              javaType = "String")
    public static final String SSRC = "CamelGb28181Ssrc";
    @Metadata(description = "The RTP timestamp (90 kHz) of the packet that carried the first byte of the frame."
                            + " Producer: the timestamp to send a frame that has no PTS with (a relayed PS frame).",
              javaType = "Long")
    public static final String RTP_TIMESTAMP = "CamelGb28181RtpTimestamp";
    @Metadata(description = "The presentation time stamp from the PES header (90 kHz, 33 bits). Absent when the sender"
                            + " did not stamp the frame: ffmpeg stamps only the first access unit that starts in a PES."
                            + " Producer: the PTS to mux with, and the RTP timestamp; without it the producer's clock"
                            + " stamps the frame.",
              javaType = "Long")
    public static final String PTS = "CamelGb28181RtpPts";
    @Metadata(description = "The decoding time stamp (90 kHz), present only when it differs from the PTS (B-frames).",
              javaType = "Long")
    public static final String DTS = "CamelGb28181RtpDts";
    @Metadata(description = "Whether the frame holds a key frame: an H.264 IDR or H.265 IRAP picture. In fmp4 mode:"
                            + " whether the fragment starts with one, so a player can start there. Producer: when"
                            + " absent, the body's NAL units tell.",
              javaType = "Boolean")
    public static final String KEY_FRAME = "CamelGb28181RtpKeyFrame";
    @Metadata(description = "The codec: H264, H265, MPEG4, SVAC, G711A, G711U, G722_1, G723_1, G729, AAC or UNKNOWN."
                            + " From the program stream map when the sender writes one, else from the payload. In fmp4"
                            + " mode the video codec, H264 or H265. Producer: what an ES body holds; needed for audio"
                            + " other than AAC in ADTS, and for video it saves guessing H.264 from H.265.",
              javaType = "String")
    public static final String CODEC = "CamelGb28181RtpCodec";
    @Metadata(description = "VIDEO or AUDIO. A PS-mode frame that interleaves both is VIDEO.", javaType = "String")
    public static final String STREAM_TYPE = "CamelGb28181RtpStreamType";
    @Metadata(description = "What the body is: PS (program stream bytes), ES (an access unit or audio frame) or FMP4"
                            + " (an MP4 init segment or fragment), as the consumer's mode made it. Producer: PS is sent"
                            + " as it is, ES is muxed into a program stream first, FMP4 is refused; when absent, the"
                            + " frameFormat option decides.",
              javaType = "String", enums = "PS,ES,FMP4")
    public static final String MODE = "CamelGb28181RtpMode";
    @Metadata(description = "RTP packets of this SSRC lost so far.", javaType = "Long")
    public static final String PACKETS_LOST = "CamelGb28181RtpPacketsLost";
    @Metadata(description = "True when a loss or corrupt data touched the frame; only set when dropDamagedFrames is"
                            + " false, otherwise such frames are not delivered.",
              javaType = "Boolean")
    public static final String DAMAGED = "CamelGb28181RtpDamaged";
    @Metadata(description = "The address the frame came from, as host:port.", javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RtpRemoteAddress";
    @Metadata(description = "fmp4 mode: INIT for an init segment (ftyp and moov: the tracks and codec configuration),"
                            + " FRAGMENT for a media fragment (moof and mdat). A stream starts with an init segment and"
                            + " gets a new one when its parameter sets change.",
              javaType = "String")
    public static final String SEGMENT = "CamelGb28181RtpSegment";
    @Metadata(description = "fmp4 mode: the MIME type with codecs of the stream's tracks, for example"
                            + " video/mp4; codecs=\"avc1.64001f,mp4a.40.2\": what MediaSource.isTypeSupported and"
                            + " addSourceBuffer take.",
              javaType = "String")
    public static final String MIME_TYPE = "CamelGb28181RtpMimeType";
    @Metadata(description = "fmp4 mode: the fragment's sequence number, from 1 for each stream.", javaType = "Long")
    public static final String SEQUENCE = "CamelGb28181RtpSequence";
    @Metadata(description = "fmp4 mode: when the fragment's first video frame is decoded, in milliseconds from the"
                            + " stream's first key frame.",
              javaType = "Long")
    public static final String FRAGMENT_START = "CamelGb28181RtpFragmentStart";
    @Metadata(description = "fmp4 mode: how long the fragment's video lasts, in milliseconds.", javaType = "Long")
    public static final String FRAGMENT_DURATION = "CamelGb28181RtpFragmentDuration";
    // One rule names the headers of both components: what identifies a stream on both sides (device, channel,
    // session, SSRC) has one name, CamelGb28181<Name>, whichever component sets it; what describes one RTP packet
    // or frame is CamelGb28181Rtp<Name>. So a route correlates frames and sessions on one header name.
    @Metadata(description = "The 20-digit id of the device sending the stream, when the signalling side announced"
                            + " this SSRC in the media session registry.",
              javaType = "String")
    public static final String DEVICE_ID = "CamelGb28181DeviceId";
    @Metadata(description = "The 20-digit id of the channel (camera) the stream shows, when announced.",
              javaType = "String")
    public static final String CHANNEL_ID = "CamelGb28181ChannelId";
    @Metadata(description = "The media session's id on the signalling side (the INVITE's Call-ID), when announced:"
                            + " the CamelGb28181SessionId that play, playback and download return. Producer: the"
                            + " outgoing session to send the frame in, when the signalling side opened one under this"
                            + " id; otherwise the endpoint's own destination is used.",
              javaType = "String")
    public static final String SESSION_ID = "CamelGb28181SessionId";

    private Gb28181RtpConstants() {
    }
}

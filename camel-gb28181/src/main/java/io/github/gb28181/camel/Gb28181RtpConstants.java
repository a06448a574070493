package io.github.gb28181.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers set by the gb28181-rtp consumer.
 */
public final class Gb28181RtpConstants {

    @Metadata(description = "The RTP SSRC of the stream as the ten decimal digits GB/T 28181 writes in the SDP y= line,"
                            + " for example 0100000001.",
              javaType = "String")
    public static final String SSRC = "CamelGb28181Ssrc";
    @Metadata(description = "The RTP timestamp (90 kHz) of the packet that carried the first byte of the frame.",
              javaType = "Long")
    public static final String RTP_TIMESTAMP = "CamelGb28181RtpTimestamp";
    @Metadata(description = "The presentation time stamp from the PES header (90 kHz, 33 bits). Absent when the sender"
                            + " did not stamp the frame: ffmpeg stamps only the first access unit that starts in a PES.",
              javaType = "Long")
    public static final String PTS = "CamelGb28181RtpPts";
    @Metadata(description = "The decoding time stamp (90 kHz), present only when it differs from the PTS (B-frames).",
              javaType = "Long")
    public static final String DTS = "CamelGb28181RtpDts";
    @Metadata(description = "Whether the frame holds a key frame: an H.264 IDR or H.265 IRAP picture.",
              javaType = "Boolean")
    public static final String KEY_FRAME = "CamelGb28181RtpKeyFrame";
    @Metadata(description = "The codec: H264, H265, MPEG4, SVAC, G711A, G711U, G722_1, G723_1, G729, AAC or UNKNOWN."
                            + " From the program stream map when the sender writes one, else from the payload.",
              javaType = "String")
    public static final String CODEC = "CamelGb28181RtpCodec";
    @Metadata(description = "VIDEO or AUDIO. A PS-mode frame that interleaves both is VIDEO.", javaType = "String")
    public static final String STREAM_TYPE = "CamelGb28181RtpStreamType";
    @Metadata(description = "RTP packets of this SSRC lost so far.", javaType = "Long")
    public static final String PACKETS_LOST = "CamelGb28181RtpPacketsLost";
    @Metadata(description = "True when a loss or corrupt data touched the frame; only set when dropDamagedFrames is"
                            + " false, otherwise such frames are not delivered.",
              javaType = "Boolean")
    public static final String DAMAGED = "CamelGb28181RtpDamaged";
    @Metadata(description = "The address the frame came from, as host:port.", javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RtpRemoteAddress";
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
                            + " the CamelGb28181SessionId that play, playback and download return.",
              javaType = "String")
    public static final String SESSION_ID = "CamelGb28181SessionId";

    private Gb28181RtpConstants() {
    }
}

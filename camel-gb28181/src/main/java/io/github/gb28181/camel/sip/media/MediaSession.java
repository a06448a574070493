package io.github.gb28181.camel.sip.media;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * A media session as it stands: the reply body of play, playback and download, and the body of SESSION_ENDED
 * events. Marshals to JSON as it is. Made with {@link #builder()}.
 *
 * @param sessionId       the INVITE dialog's Call-ID: name the session by it in pause, resume, speed, seek and bye
 * @param deviceId        the device streaming
 * @param channelId       the channel whose video it is
 * @param kind            LIVE, PLAYBACK or DOWNLOAD
 * @param ssrc            the SSRC the RTP carries: the one the device answered with, or ours when it kept it
 * @param offeredSsrc     the SSRC the platform offered in {@code y=}
 * @param mediaHost       where the platform receives the media
 * @param mediaPort       the port it receives on
 * @param transport       UDP, TCP_PASSIVE or TCP_ACTIVE
 * @param deviceMediaHost where the device sends from (TCP active: where the platform connects to)
 * @param deviceMediaPort the device's media port
 * @param state           ACTIVE, PAUSED or ENDED
 * @param scale           the playback speed last set (1.0 unless changed)
 * @param startedAt       when the device accepted the INVITE
 * @param endedAt         when the session ended, or null
 * @param endReason       why it ended (BYE_SENT, DEVICE_BYE, MEDIA_END, DEVICE_OFFLINE, SHUTDOWN), or null
 * @param streamNumber    the stream sent (GB/T 28181-2022 {@code a=streamnumber}: 0 main, 1 first sub-stream...), as
 *                        the device's answer says or else as asked; -1 when neither named one
 * @param fileSize        the size in bytes of the file a download sends, when the device's answer gives it
 *                        ({@code a=filesize}, for progress); -1 otherwise
 */
public record MediaSession(
        String sessionId, String deviceId, String channelId, SessionKind kind, String ssrc, String offeredSsrc,
        String mediaHost, int mediaPort, MediaTransportMode transport, String deviceMediaHost, int deviceMediaPort,
        State state, double scale, @JsonSerialize(using = ToStringSerializer.class) Instant startedAt,
        @JsonSerialize(using = ToStringSerializer.class) Instant endedAt, String endReason, int streamNumber,
        long fileSize) {

    /** Where a session is in its life. */
    public enum State {
        ACTIVE,
        PAUSED,
        ENDED
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a session's facts; state ACTIVE, scale 1.0, no stream number or file size unless told otherwise. */
    public static final class Builder {
        private String sessionId;
        private String deviceId;
        private String channelId;
        private SessionKind kind;
        private String ssrc;
        private String offeredSsrc;
        private String mediaHost;
        private int mediaPort;
        private MediaTransportMode transport;
        private String deviceMediaHost;
        private int deviceMediaPort;
        private State state = State.ACTIVE;
        private double scale = 1.0;
        private Instant startedAt;
        private Instant endedAt;
        private String endReason;
        private int streamNumber = -1;
        private long fileSize = -1;

        private Builder() {
        }

        /** The INVITE dialog's Call-ID, the device and the channel. */
        public Builder of(String sessionId, String deviceId, String channelId) {
            this.sessionId = sessionId;
            this.deviceId = deviceId;
            this.channelId = channelId;
            return this;
        }

        public Builder kind(SessionKind kind) {
            this.kind = kind;
            return this;
        }

        /** The SSRC the platform offered, and the one the RTP carries (the device's answer may change it). */
        public Builder ssrc(String offered, String used) {
            this.offeredSsrc = offered;
            this.ssrc = used;
            return this;
        }

        /** Where the platform receives (or, for a broadcast, sends) the media, and how. */
        public Builder platformMedia(String host, int port, MediaTransportMode transport) {
            this.mediaHost = host;
            this.mediaPort = port;
            this.transport = transport;
            return this;
        }

        /** The device's side of the media, from its SDP. */
        public Builder deviceMedia(String host, int port) {
            this.deviceMediaHost = host;
            this.deviceMediaPort = port;
            return this;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        public Builder scale(double scale) {
            this.scale = scale;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** When and why it ended; null while it runs. */
        public Builder ended(Instant endedAt, String endReason) {
            this.endedAt = endedAt;
            this.endReason = endReason;
            return this;
        }

        /** The stream number sent and the size of a downloaded file, -1 for either unknown. */
        public Builder stream(int streamNumber, long fileSize) {
            this.streamNumber = streamNumber;
            this.fileSize = fileSize;
            return this;
        }

        public MediaSession build() {
            return new MediaSession(sessionId, deviceId, channelId, kind, ssrc, offeredSsrc, mediaHost, mediaPort,
                    transport, deviceMediaHost, deviceMediaPort, state, scale, startedAt, endedAt, endReason,
                    streamNumber, fileSize);
        }
    }
}

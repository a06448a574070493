package io.github.gb28181.example.recordings;

import java.time.Instant;

/**
 * An MP4 recording in {@code <data-dir>/streams/}, as {@code GET /api/recordings} lists it.
 *
 * @param name           the file name, which {@code /api/recordings/{name}} serves
 * @param streamId       the stream it recorded
 * @param channelId      the channel, when known
 * @param deviceId       the device, when known
 * @param kind           LIVE, PLAYBACK or DOWNLOAD, when known
 * @param startedAt      when the stream was requested (else when the file was last written)
 * @param bytes          the file's size
 * @param durationMillis how much video it holds, counted over its complete fragments
 * @param videoCodec     the MP4 sample entry: avc1 (H.264) or hvc1 (H.265)
 * @param audioCodec     mp4a (AAC), alaw or ulaw (G.711), or {@code null}
 * @param open           whether the stream is still being recorded
 */
public record Recording(String name, String streamId, String channelId, String deviceId, String kind,
                        Instant startedAt, long bytes, long durationMillis, String videoCodec, String audioCodec,
                        boolean open) {
}

package io.github.gb28181.example.live;

import io.github.gb28181.camel.media.mp4.Fmp4Segment;
import io.github.gb28181.camel.media.mp4.Fmp4Tracks;
import io.github.gb28181.example.streams.StreamRecording;

/**
 * What the page learns before each init segment: the MIME type to ask the browser about, and what it will not get.
 *
 * @param type      always "init"
 * @param streamId  the stream, whose recording {@code /api/recordings/<streamId>.mp4} can be downloaded
 * @param channelId the channel it shows
 * @param kind      LIVE or PLAYBACK
 * @param mimeType  for {@code MediaSource.isTypeSupported} and {@code addSourceBuffer}
 * @param codec     H264 or H265
 * @param width     picture width
 * @param height    picture height
 * @param audio     the audio the page gets (AAC), or {@code null}
 * @param note      what the recording has that the page does not get (G.711 audio), or {@code null}
 * @param recording the recording's name under {@code /api/recordings/}
 */
record InitMessage(String type, String streamId, String channelId, String kind, String mimeType, String codec,
                   int width, int height, String audio, String note, String recording) {

    static InitMessage of(StreamRecording stream, Fmp4Segment init) {
        Fmp4Tracks live = init.tracks();
        Fmp4Tracks recorded = stream != null ? stream.recordedTracks() : null;
        String note = null;
        if (recorded != null && recorded.hasAudio() && !live.hasAudio()) {
            String codec = switch (recorded.audioCodec()) {
                case G711A -> "G.711 A-law";
                case G711U -> "G.711 µ-law";
                default -> recorded.audioCodec().name();
            };
            note = "The camera's " + codec + " audio is not played here: browsers cannot decode it."
                   + " It is kept in the recording.";
        }
        return new InitMessage("init", stream != null ? stream.streamId() : null,
                stream != null ? stream.channelId() : null, stream != null ? stream.kind() : null, live.mimeType(),
                live.videoCodec().name(), live.width(), live.height(),
                live.hasAudio() ? live.audioCodec().name() : null, note,
                stream != null ? stream.file().getFileName().toString() : null);
    }
}

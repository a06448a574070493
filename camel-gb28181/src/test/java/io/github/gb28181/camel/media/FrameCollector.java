package io.github.gb28181.camel.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.gb28181.camel.media.codec.MediaStreamType;

/**
 * Collects frames by SSRC, from any thread.
 */
public final class FrameCollector implements MediaFrameListener {

    private final Map<Long, List<MediaFrame>> frames = new ConcurrentHashMap<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onFrame(MediaFrame frame) {
        frames.computeIfAbsent(frame.ssrc(), s -> new CopyOnWriteArrayList<>()).add(frame);
    }

    @Override
    public void onError(String message, Throwable cause) {
        errors.add(cause);
    }

    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    public List<MediaFrame> of(long ssrc) {
        return new ArrayList<>(frames.getOrDefault(ssrc, List.of()));
    }

    public List<MediaFrame> video(long ssrc) {
        return of(ssrc).stream().filter(f -> f.streamType() == MediaStreamType.VIDEO).toList();
    }

    public int count(long ssrc) {
        return frames.getOrDefault(ssrc, List.of()).size();
    }

    public int total() {
        return frames.values().stream().mapToInt(List::size).sum();
    }

    public byte[] concatenated(long ssrc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        of(ssrc).forEach(f -> out.writeBytes(f.payload()));
        return out.toByteArray();
    }
}

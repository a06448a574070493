package io.github.gb28181.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.file.MediaFile;
import io.github.gb28181.camel.media.send.MediaSenders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * Plays a recorded file into a media session, for a route that is a GB28181 device: a splitter expression that yields
 * the file's frames at the pace they were recorded, over and over (a live channel), for as long as the session named
 * by the exchange's CamelGb28181SessionId is open on the gb28181-rtp component. Each frame carries the headers the
 * gb28181-rtp producer reads (mode, codec, key frame, PTS), so the split sends them straight on:
 *
 * <pre>
 * from("seda:stream")
 *     .split(method(Gb28181MediaFiles.class, "frames(${exchange}, '/media/camera.h264', 25)")).streaming()
 *         .to("gb28181-rtp:0.0.0.0:0");
 * </pre>
 *
 * A program stream (.ps, .mpg) is sent as its PS frames with the times it carries; a raw H.264 or H.265 file as its
 * access units at {@code fps}, muxed into PS by the producer.
 */
public final class Gb28181MediaFiles {

    private Gb28181MediaFiles() {
    }

    /**
     * @param exchange the exchange of the INVITE: its CamelGb28181SessionId names the session
     * @param file     the recorded file
     * @param fps      the frame rate of a raw H.264 or H.265 file
     */
    public static Iterator<Message> frames(Exchange exchange, String file, double fps) {
        String sessionId = exchange.getMessage().getHeader(Gb28181Constants.SESSION_ID, String.class);
        if (sessionId == null) {
            throw new IllegalArgumentException("No " + Gb28181Constants.SESSION_ID + " to play " + file + " into");
        }
        List<MediaFile.Frame> frames;
        try {
            frames = MediaFile.frames(Files.readAllBytes(Path.of(file)), fps);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no frames");
        }
        MediaSenders senders = exchange.getContext().getComponent("gb28181-rtp", Gb28181RtpComponent.class)
                .mediaSenders();
        return new Player(exchange, sessionId, frames, fps, senders);
    }

    /** Yields frame after frame, each once its time has come; ends when the session closes. */
    private static final class Player implements Iterator<Message> {
        private final Exchange exchange;
        private final String sessionId;
        private final List<MediaFile.Frame> frames;
        private final MediaSenders senders;
        private final long loopLength;
        private final long start = System.nanoTime();
        private int index;
        private long loopOffset;

        Player(Exchange exchange, String sessionId, List<MediaFile.Frame> frames, double fps, MediaSenders senders) {
            this.exchange = exchange;
            this.sessionId = sessionId;
            this.frames = frames;
            this.senders = senders;
            long last = frames.get(frames.size() - 1).pts();
            // the file's length, plus one frame's time so the loop's first frame does not fall on its last
            this.loopLength = last + (frames.size() > 1 ? last / (frames.size() - 1) : Math.round(90_000 / fps));
        }

        /** Waits for the next frame's time here, so that whether the session is still open is asked just before. */
        @Override
        public boolean hasNext() {
            long due = start + (frames.get(index).pts() + loopOffset) * 1_000_000_000L / 90_000;
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && open()) {
                LockSupport.parkNanos(Math.min(wait, 50_000_000L));
            }
            return open();
        }

        private boolean open() {
            return senders.find(sessionId) != null && !exchange.getContext().isStopping();
        }

        @Override
        public Message next() {
            if (!open()) {
                throw new NoSuchElementException("Session " + sessionId + " has ended");
            }
            MediaFile.Frame frame = frames.get(index);
            Message message = new DefaultMessage(exchange.getContext());
            message.setBody(frame.payload());
            message.setHeader(Gb28181RtpConstants.SESSION_ID, sessionId);
            message.setHeader(Gb28181RtpConstants.MODE, frame.format().name());
            message.setHeader(Gb28181RtpConstants.CODEC, frame.codec().name());
            message.setHeader(Gb28181RtpConstants.KEY_FRAME, frame.keyFrame());
            message.setHeader(Gb28181RtpConstants.PTS, frame.pts() + loopOffset);
            if (++index == frames.size()) {
                index = 0;
                loopOffset += loopLength;
            }
            return message;
        }
    }
}

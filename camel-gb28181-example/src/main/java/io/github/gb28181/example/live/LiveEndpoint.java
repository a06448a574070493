package io.github.gb28181.example.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket a page plays live video from: {@code /api/live/channels/{channelId}} for a channel's live video
 * (shared, started on demand), {@code /api/live/streams/{streamId}} for any open stream. The page only listens; what
 * it is sent is described in {@link LiveViewer}.
 */
final class LiveEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEndpoint.class);
    private static final String VIEWER = "viewer";

    private final LiveService live;
    private final ObjectMapper json;

    LiveEndpoint(LiveService live, ObjectMapper json) {
        this.live = live;
        this.json = json;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(0);
        LiveViewer viewer = new LiveViewer(session, json);
        session.getUserProperties().put(VIEWER, viewer);
        String channelId = session.getPathParameters().get("channelId");
        if (channelId != null) {
            live.watchChannel(channelId, viewer);
        } else {
            live.watchStream(session.getPathParameters().get("streamId"), viewer);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        LiveViewer viewer = (LiveViewer) session.getUserProperties().get(VIEWER);
        if (viewer != null) {
            live.left(viewer);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("Live viewer {}: {}", session.getId(), error.toString());
    }
}

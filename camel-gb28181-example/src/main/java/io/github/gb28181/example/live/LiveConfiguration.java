package io.github.gb28181.example.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;

/**
 * The live-video WebSockets, on the embedded Tomcat's Jakarta WebSocket container: its asynchronous send lets one
 * thread serve every viewer.
 */
@Configuration(proxyBeanMethods = false)
public class LiveConfiguration {

    @Bean
    public ServerEndpointExporter serverEndpointExporter() {
        return new ServerEndpointExporter();
    }

    @Bean
    public ServerEndpointRegistration liveChannels(LiveService live, ObjectMapper json) {
        return new ServerEndpointRegistration("/api/live/channels/{channelId}", new LiveEndpoint(live, json));
    }

    @Bean
    public ServerEndpointRegistration liveStreams(LiveService live, ObjectMapper json) {
        return new ServerEndpointRegistration("/api/live/streams/{streamId}", new LiveEndpoint(live, json));
    }
}

package io.github.gb28181.example;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings a user of the example changes on the command line ({@code --gb28181.sip-port=5070}); their defaults
 * and what they feed into are in {@code application.yaml}.
 *
 * @param platformId the platform's 20-digit SIP id
 * @param domain     the SIP domain
 * @param password   the password devices register with; empty lets every device in
 * @param sipPort    SIP port, UDP and TCP
 * @param rtpPort    where devices send video, UDP and TCP (passive)
 * @param dataDir    recordings ({@code streams/}) and the device store ({@code devices/})
 * @param routesDir  YAML routes of the user's own, loaded with the built-in ones
 * @param webhookUrl where alarms are POSTed as JSON; empty posts nothing
 * @param eventsKept how many recent events {@code /api/events} remembers
 * @param brokerHost where the embedded JMS broker accepts clients of other processes
 * @param brokerPort its port; 0 keeps it inside this process
 * @param liveLinger how long a stream opened for the page's live view stays up after its last viewer left, so a
 *                   viewer who comes back (or reloads the page) gets a picture at once
 */
@ConfigurationProperties("gb28181")
public record PlatformProperties(
        String platformId, String domain, String password, int sipPort, int rtpPort, Path dataDir, Path routesDir,
        String webhookUrl, int eventsKept, String brokerHost, int brokerPort, Duration liveLinger) {

    public Path streamsDir() {
        return dataDir.resolve("streams");
    }
}

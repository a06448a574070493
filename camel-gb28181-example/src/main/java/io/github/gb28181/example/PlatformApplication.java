package io.github.gb28181.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A GB28181 platform: devices register to its SIP server, their events flow through the YAML routes to JMS and a
 * webhook, and the REST API and web page query and steer them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatformApplication {

    /**
     * A start that fails (a port in use, say) ends the process with status 1: the broker, the SIP stack and Camel's
     * run controller leave threads behind that would otherwise keep a JVM alive with nothing listening.
     */
    public static void main(String[] args) {
        try {
            SpringApplication.run(PlatformApplication.class, args);
        } catch (Throwable e) {
            // Spring Boot has logged why; a supervisor must see the failure, not a process that seems to run
            System.exit(1);
        }
    }
}

package io.github.gb28181.example;

import java.io.IOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the data folders when the platform starts, before Camel looks for routes: Camel refuses a routes folder
 * that does not exist, and a user should find where to put recordings and routes without reading code.
 */
@Component
public class PlatformFolders {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformFolders.class);

    public PlatformFolders(PlatformProperties properties) throws IOException {
        Files.createDirectories(properties.streamsDir());
        Files.createDirectories(properties.routesDir());
        LOG.info("Recordings go to {}; YAML routes in {} are loaded too",
                properties.streamsDir().toAbsolutePath().normalize(),
                properties.routesDir().toAbsolutePath().normalize());
    }
}

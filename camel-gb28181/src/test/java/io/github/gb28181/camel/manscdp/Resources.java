package io.github.gb28181.camel.manscdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads test resources as the raw bytes a device would send. */
public final class Resources {

    private Resources() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream("/manscdp/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource manscdp/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.gb28181.camel;

import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A recorder in a process of its own, for {@link KilledRecorderTest} to kill: one route writes every stream on the
 * port as fragmented MP4 to a file. Prints READY when the route listens; runs until killed.
 */
public final class Fmp4RecorderProcess {

    private Fmp4RecorderProcess() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        DefaultCamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181-rtp:127.0.0.1:" + port + "?mode=fmp4&audio=all")
                        .toD("file:" + file.getParent() + "?fileName=" + file.getFileName() + "&fileExist=Append");
            }
        });
        context.start();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}

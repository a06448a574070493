package io.github.gb28181.camel.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.gb28181.camel.test.SeedCapture;

/**
 * The valid inputs the fuzz suite starts from: the captured SIP messages, the MANSCDP bodies and SDP answers devices
 * sent, and the media samples.
 */
public final class Corpus {

    static final String[] CAPTURES = {"000_ed50de79445529c3.txt", "002_21df4d6a7916db12.txt"};
    /** Where the captured devices and platforms were; rewritten to loopback so no reply leaves the machine. */
    private static final String[] CAPTURED_HOSTS = {
            "10.64.49.218", "10.64.49.44", "192.168.6.71", "192.168.6.60", "192.168.6.106"
    };

    private Corpus() {
    }

    /**
     * Every message of both captures, requests and responses, as a device would send them to {@code serverPort}
     * from {@code clientPort} over {@code transport}.
     */
    public static List<byte[]> sipMessages(String transport, int clientPort, int serverPort) {
        List<byte[]> out = new ArrayList<>();
        for (String capture : CAPTURES) {
            SeedCapture seed = load(capture);
            for (int i = 0; i < seed.size(); i++) {
                String text = seed.text(i);
                if (!text.startsWith("SIP/2.0") && !text.matches("(?s)^[A-Z]+ \\S+ SIP/2\\.0.*")) {
                    continue; // a block the capture lost its start line from
                }
                out.add(SeedCapture.wire(text, loopback(transport, clientPort, serverPort)));
            }
        }
        return out;
    }

    private static String[] loopback(String transport, int clientPort, int serverPort) {
        List<String> pairs = new ArrayList<>();
        // the platforms' addresses become the server, the devices' become the fuzzing client
        for (String platform : new String[] {"10.64.49.44:7100", "192.168.6.106:5062"}) {
            pairs.add(platform);
            pairs.add("127.0.0.1:" + serverPort);
        }
        for (String device : new String[] {"10.64.49.218:7100", "192.168.6.71:5060", "192.168.6.60:5060"}) {
            pairs.add(device);
            pairs.add("127.0.0.1:" + clientPort);
        }
        for (String host : CAPTURED_HOSTS) {
            pairs.add(host);
            pairs.add("127.0.0.1");
        }
        pairs.add("SIP/2.0/UDP");
        pairs.add("SIP/2.0/" + transport);
        return pairs.toArray(String[]::new);
    }

    /** The SDP bodies of both captures: offers and answers, as devices and platforms wrote them. */
    public static List<byte[]> sdpBodies() {
        List<byte[]> out = new ArrayList<>();
        for (String capture : CAPTURES) {
            SeedCapture seed = load(capture);
            for (int i = 0; i < seed.size(); i++) {
                String text = seed.text(i);
                int v = text.indexOf("\nv=0");
                if (v >= 0) {
                    out.add(text.substring(v + 1).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        // what other senders write: TCP with a=setup, no c= at media level, LF only, no final line break
        out.add(("v=0\r\no=34020000001320000001 0 0 IN IP4 10.0.0.9\r\ns=Play\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
                 + "m=video 15060 TCP/RTP/AVP 96\r\na=setup:passive\r\na=connection:new\r\na=sendonly\r\n"
                 + "a=rtpmap:96 PS/90000\r\ny=0100000001\r\nf=v/2/4/25/1/4000a/1/8/1\r\n").getBytes(StandardCharsets.UTF_8));
        out.add(("v=0\no=- 0 0 IN IP4 10.0.0.10\ns=Download\nt=0 0\nm=audio 8000 RTP/AVP 8\nm=video 6000/2 RTP/AVP 96 98\n"
                 + "c=IN IP4 10.0.0.11\na=filesize:1024\ny=1100000002").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** Every MANSCDP body under src/test/resources/manscdp. */
    public static List<byte[]> manscdpBodies() {
        try (Stream<Path> files = Files.walk(resourceDirectory("/manscdp"))) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            List<byte[]> out = new ArrayList<>();
            for (Path p : xml) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDirectory(String name) {
        try {
            return Path.of(Corpus.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SeedCapture load(String name) {
        try {
            return SeedCapture.load(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.gb28181.camel.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIP messages of a seed capture (src/test/resources/seeds), in the order they were captured. The captures are
 * Markdown: every fenced block is one message. Header lines get their CRLF back; bodies keep the bytes shown.
 */
public final class SeedCapture {

    private final List<String> messages;

    private SeedCapture(List<String> messages) {
        this.messages = messages;
    }

    public static SeedCapture load(String name) throws IOException {
        try (InputStream in = SeedCapture.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IOException("No seed capture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> messages = new ArrayList<>();
            StringBuilder block = null;
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("```")) {
                    if (block == null) {
                        block = new StringBuilder();
                    } else {
                        String message = block.toString().strip();
                        if (!message.isEmpty()) {
                            messages.add(message);
                        }
                        block = null;
                    }
                } else if (block != null) {
                    block.append(line).append('\n');
                }
            }
            return new SeedCapture(messages);
        }
    }

    public int size() {
        return messages.size();
    }

    /** The n-th message (0-based) as captured, with LF line ends. */
    public String text(int index) {
        return messages.get(index);
    }

    /** The first message whose text contains all the given fragments. */
    public int indexOf(String... fragments) {
        outer:
        for (int i = 0; i < messages.size(); i++) {
            for (String fragment : fragments) {
                if (!messages.get(i).contains(fragment)) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("No seed message contains " + String.join(", ", fragments));
    }

    /**
     * The message ready to send: header lines joined with CRLF and ended by an empty line, the body as captured.
     * Each replacement pair rewrites text (capture addresses to loopback), except in Authorization, whose digest
     * covers the uri exactly as the device wrote it.
     */
    public static byte[] wire(String message, String... replacements) {
        int split = message.indexOf("\n\n");
        String head = split < 0 ? message : message.substring(0, split);
        String body = split < 0 ? "" : message.substring(split + 2);
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\n")) {
            String rewritten = line;
            if (!line.startsWith("Authorization:")) {
                for (int i = 0; i + 1 < replacements.length; i += 2) {
                    rewritten = rewritten.replace(replacements[i], replacements[i + 1]);
                }
            }
            out.append(rewritten).append("\r\n");
        }
        out.append("\r\n");
        if (!body.isEmpty()) {
            out.append(body).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

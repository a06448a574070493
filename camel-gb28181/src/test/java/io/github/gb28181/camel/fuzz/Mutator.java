package io.github.gb28181.camel.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small deterministic mutation engine: the same seed gives the same inputs on every machine, so a failure found in
 * CI can be replayed from the seed and the input's index. Byte-level mutations apply to anything; the line-level ones
 * know the shape of text protocols (a start line, header lines, an empty line, a body) and make the mistakes real
 * peers and attackers make: lost, repeated and reordered headers, huge values, LF instead of CRLF, lying
 * Content-Length, two messages spliced into one.
 */
public final class Mutator {

    private static final String[] CONTENT_LENGTHS = {
            "-1", "0", "1", "4294967296", "2147483647", "2147483648", "99999999999999999999", "abc", "", " 12 ",
            "0x10", "+5", "1e3", "1000000", "16777216"
    };
    private static final String[] INTERESTING = {
            "", " ", "\t", "\r", "\n", "\r\n", "\0", "%00", "%", "<", ">", "&", ";", ",", ":", "\"", "'", "\\",
            "sip:", "sips:", "tel:", "<sip:@>", "0", "-1", "4294967295", "18446744073709551616", "NaN",
            "\u00ff\u00fe", "\u4e2d\u6587", "z9hG4bK", "SIP/2.0", "SIP/3.0", ";tag=", ";branch=", "=",
    };

    private final Random random;
    private final List<byte[]> pool;

    /**
     * @param seed the random seed: fixed, so runs repeat
     * @param pool other valid inputs to splice with
     */
    public Mutator(long seed, List<byte[]> pool) {
        this.random = new Random(seed);
        this.pool = pool;
    }

    public Random random() {
        return random;
    }

    /** One to four stacked byte-level mutations. */
    public byte[] bytes(byte[] input) {
        byte[] out = input;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out = byteMutation(out);
        }
        return out;
    }

    /** One to three stacked mutations, line-level (start line, headers, body) more often than byte-level. */
    public byte[] text(byte[] input) {
        byte[] out = input;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out = random.nextInt(3) == 0 ? byteMutation(out) : lineMutation(out);
        }
        return out;
    }

    private byte[] byteMutation(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        switch (random.nextInt(10)) {
            case 0: { // flip a few bits
                byte[] out = in.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1: { // set a byte to a boundary value
                byte[] out = in.clone();
                int[] values = {0x00, 0xFF, 0x7F, 0x80, '\r', '\n', ' ', '<', '&', 0xC0, 0xE0, 0xF0};
                out[random.nextInt(out.length)] = (byte) values[random.nextInt(values.length)];
                return out;
            }
            case 2: { // insert random bytes
                int at = random.nextInt(in.length + 1);
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                return splice(in, at, at, extra);
            }
            case 3: { // delete a run
                int at = random.nextInt(in.length);
                int len = 1 + random.nextInt(Math.min(32, in.length - at));
                return splice(in, at, at + len, new byte[0]);
            }
            case 4: // truncate
                return Arrays.copyOf(in, random.nextInt(in.length));
            case 5: { // duplicate a region in place
                int from = random.nextInt(in.length);
                int len = 1 + random.nextInt(Math.min(256, in.length - from));
                byte[] region = Arrays.copyOfRange(in, from, from + len);
                int times = 1 + random.nextInt(random.nextInt(8) == 0 ? 64 : 3);
                ByteArrayOutputStream repeated = new ByteArrayOutputStream();
                for (int i = 0; i < times; i++) {
                    repeated.writeBytes(region);
                }
                return splice(in, from, from, repeated.toByteArray());
            }
            case 6: { // NULs
                byte[] out = in.clone();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    out[random.nextInt(out.length)] = 0;
                }
                return out;
            }
            case 7: { // splice with another input
                byte[] other = pool.get(random.nextInt(pool.size()));
                int cut = random.nextInt(in.length + 1);
                int otherCut = random.nextInt(other.length + 1);
                return concat(Arrays.copyOf(in, cut), Arrays.copyOfRange(other, otherCut, other.length));
            }
            case 8: { // overwrite a run with random bytes
                byte[] out = in.clone();
                int at = random.nextInt(out.length);
                int len = 1 + random.nextInt(Math.min(16, out.length - at));
                for (int i = 0; i < len; i++) {
                    out[at + i] = (byte) random.nextInt(256);
                }
                return out;
            }
            default: { // an interesting token somewhere
                int at = random.nextInt(in.length + 1);
                return splice(in, at, at, INTERESTING[random.nextInt(INTERESTING.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private byte[] lineMutation(byte[] in) {
        Message m = Message.split(in);
        if (m.lines.isEmpty()) {
            return byteMutation(in);
        }
        switch (random.nextInt(14)) {
            case 0: // reorder header lines, the start line too now and then
                Collections.shuffle(m.lines.subList(random.nextInt(4) == 0 ? 0 : 1, m.lines.size()), random);
                break;
            case 1: // lose a header
                if (m.lines.size() > 1) {
                    m.lines.remove(1 + random.nextInt(m.lines.size() - 1));
                }
                break;
            case 2: { // repeat a header
                String line = m.lines.get(random.nextInt(m.lines.size()));
                m.lines.add(1 + random.nextInt(m.lines.size()), line);
                break;
            }
            case 3: { // an oversized value
                int i = random.nextInt(m.lines.size());
                String line = m.lines.get(i);
                int cut = line.indexOf(':') + 1;
                char c = "A9;%, ".charAt(random.nextInt(6));
                int size = random.nextInt(4) == 0 ? 60_000 : 256 + random.nextInt(8192);
                m.lines.set(i, line.substring(0, cut) + " " + String.valueOf(c).repeat(size) + line.substring(cut));
                break;
            }
            case 4: // bare LF line ends
                m.eol = "\n";
                break;
            case 5: // mixed line ends
                m.eol = random.nextBoolean() ? "\r" : "\n\r";
                break;
            case 6: { // a lying Content-Length
                m.setHeader("Content-Length", CONTENT_LENGTHS[random.nextInt(CONTENT_LENGTHS.length)],
                        random.nextInt(4) == 0);
                break;
            }
            case 7: // Content-Length near the truth
                m.setHeader("Content-Length", Integer.toString(Math.max(-2, m.body.length + random.nextInt(41) - 20)),
                        false);
                break;
            case 8: { // fold a header over two lines
                int i = random.nextInt(m.lines.size());
                String line = m.lines.get(i);
                int at = random.nextInt(line.length() + 1);
                m.lines.set(i, line.substring(0, at) + "\r\n" + (random.nextBoolean() ? " " : "\t") + line.substring(at));
                break;
            }
            case 9: { // whitespace where it may or may not be allowed
                int i = random.nextInt(m.lines.size());
                String line = m.lines.get(i);
                String ws = " \t".repeat(1 + random.nextInt(4));
                int colon = line.indexOf(':');
                int at = colon >= 0 && random.nextBoolean() ? colon : random.nextInt(line.length() + 1);
                m.lines.set(i, line.substring(0, at) + ws + line.substring(at));
                break;
            }
            case 10: { // an interesting token inside a header value
                int i = random.nextInt(m.lines.size());
                String line = m.lines.get(i);
                int at = random.nextInt(line.length() + 1);
                String token = new String(INTERESTING[random.nextInt(INTERESTING.length)].getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1);
                m.lines.set(i, line.substring(0, at) + token + line.substring(at));
                break;
            }
            case 11: { // headers of another message
                Message other = Message.split(pool.get(random.nextInt(pool.size())));
                if (!other.lines.isEmpty()) {
                    int from = random.nextInt(other.lines.size());
                    m.lines.addAll(1 + random.nextInt(m.lines.size()), other.lines.subList(from,
                            Math.min(other.lines.size(), from + 1 + random.nextInt(4))));
                }
                break;
            }
            case 12: // two messages in one
                return concat(m.join(), pool.get(random.nextInt(pool.size())));
            default: { // the body changed, its length not
                if (m.body.length > 0) {
                    m.body = byteMutation(m.body);
                } else {
                    byte[] body = new byte[random.nextInt(64)];
                    random.nextBytes(body);
                    m.body = body;
                }
                break;
            }
        }
        return m.join();
    }

    static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A text message cut into lines and body; bytes are kept as ISO-8859-1 so nothing is lost. */
    private static final class Message {
        final List<String> lines;
        byte[] body;
        String eol = "\r\n";

        private Message(List<String> lines, byte[] body) {
            this.lines = lines;
            this.body = body;
        }

        static Message split(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            int sep = 4;
            if (end < 0) {
                end = text.indexOf("\n\n");
                sep = 2;
            }
            String head = end < 0 ? text : text.substring(0, end);
            byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(bytes, end + sep, bytes.length);
            List<String> lines = new ArrayList<>(Arrays.asList(head.split("\r?\n", -1)));
            return new Message(lines, body);
        }

        void setHeader(String name, String value, boolean addAnother) {
            String wanted = name.toLowerCase() + ":";
            for (int i = 0; i < lines.size(); i++) {
                String lower = lines.get(i).toLowerCase();
                if (!addAnother && (lower.startsWith(wanted) || lower.startsWith("l:"))) {
                    lines.set(i, name + ": " + value);
                    return;
                }
            }
            lines.add(Math.min(lines.size(), 1 + lines.size() / 2), name + ": " + value);
        }

        byte[] join() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : lines) {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(eol.getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes(eol.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }
}

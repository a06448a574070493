package io.github.gb28181.camel.manscdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns body bytes into text. Devices declare GB2312 and send GBK, declare GB2312 and send UTF-8,
 * or declare nothing; the declaration is honoured when it decodes cleanly, otherwise strict UTF-8
 * is tried (a valid multi-byte UTF-8 body is almost never GB text by accident) and GB18030, which
 * decodes every GB2312/GBK byte sequence, is the last resort.
 */
final class BodyDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final Pattern ENCODING = Pattern.compile(
            "encoding\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    private BodyDecoder() {
    }

    /** What the bytes said and what actually decoded them. */
    static final class Decoded {
        final String text;
        final Charset charset;
        final String declaredEncoding;

        Decoded(String text, Charset charset, String declaredEncoding) {
            this.text = text;
            this.charset = charset;
            this.declaredEncoding = declaredEncoding;
        }
    }

    static Decoded decode(byte[] body) {
        int start = 0;
        boolean utf8Bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF;
        if (utf8Bom) {
            start = 3;
        }
        String declared = declaredEncoding(body, start);
        Charset declaredCharset = utf8Bom ? StandardCharsets.UTF_8 : lookup(declared);

        List<Charset> attempts = new ArrayList<>(3);
        if (declaredCharset != null) {
            attempts.add(declaredCharset);
        }
        if (!attempts.contains(StandardCharsets.UTF_8)) {
            attempts.add(StandardCharsets.UTF_8);
        }
        if (!attempts.contains(GB18030)) {
            attempts.add(GB18030);
        }
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        for (Charset cs : attempts) {
            String text = strict(cs, bytes.duplicate());
            if (text != null) {
                return new Decoded(text, cs, declared);
            }
        }
        // not even GB18030 accepts it: keep going with replacement characters rather than drop the message
        return new Decoded(new String(body, start, body.length - start, GB18030), GB18030, declared);
    }

    private static String strict(Charset cs, ByteBuffer bytes) {
        try {
            CharBuffer chars = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The encoding named in a leading {@code <?xml ...?>}, read as ASCII, as the device spelled it. */
    static String declaredEncoding(byte[] body, int from) {
        int i = from;
        int limit = Math.min(body.length, from + 512);
        while (i < limit && (body[i] == 0 || Character.isWhitespace(body[i]))) {
            i++;
        }
        if (i + 5 > limit || body[i] != '<' || body[i + 1] != '?') {
            return null;
        }
        String head = new String(body, i, limit - i, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("?>");
        if (end < 0 || !head.regionMatches(true, 2, "xml", 0, 3)) {
            return null;
        }
        Matcher m = ENCODING.matcher(head.substring(0, end));
        return m.find() ? m.group(1) : null;
    }

    /** Resolves a declared name to a charset, forgiving spellings such as {@code gb-2312}; null if unknown. */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String[] candidates = {
                name,
                name.toUpperCase(Locale.ROOT),
                name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")
        };
        for (String candidate : candidates) {
            try {
                if (Charset.isSupported(candidate)) {
                    return Charset.forName(candidate);
                }
            } catch (IllegalArgumentException e) {
                // illegal charset name: try the next spelling
            }
        }
        return null;
    }
}

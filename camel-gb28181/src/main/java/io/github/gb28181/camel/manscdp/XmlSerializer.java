package io.github.gb28181.camel.manscdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Map;

import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * Writes an {@link XmlElement} tree as a MANSCDP body: a declaration naming the charset, CRLF line
 * ends and no indentation (the layout most platforms send and every device accepts). Characters the
 * charset cannot represent (a rare hanzi in GB2312) become numeric references rather than {@code ?},
 * so no information is lost.
 */
final class XmlSerializer {

    static final String EOL = "\r\n";

    private XmlSerializer() {
    }

    static String toText(XmlElement root, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"").append(charset.name()).append("\"?>").append(EOL);
        write(root, out, encoder);
        return out.toString();
    }

    static byte[] toBytes(XmlElement root, Charset charset) {
        String text = toText(root, charset);
        try {
            ByteBuffer bb = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bb.array(), bb.arrayOffset() + bb.position(), bb.arrayOffset() + bb.limit());
        } catch (CharacterCodingException e) {
            // cannot happen: escaping already replaced every unencodable character
            throw new ManscdpException(ManscdpException.Reason.UNSUPPORTED,
                    "cannot encode MANSCDP body in " + charset.name(), e);
        }
    }

    private static void write(XmlElement e, StringBuilder out, CharsetEncoder encoder) {
        out.append('<').append(e.name());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            escape(a.getValue(), out, encoder, true);
            out.append('"');
        }
        out.append('>');
        if (e.children().isEmpty()) {
            escape(e.rawText(), out, encoder, false);
        } else {
            out.append(EOL);
            for (XmlElement c : e.children()) {
                write(c, out, encoder);
            }
        }
        out.append("</").append(e.name()).append('>').append(EOL);
    }

    private static void escape(String s, StringBuilder out, CharsetEncoder encoder, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        break; // forbidden in XML 1.0: drop rather than emit an unparsable body
                    }
                    if (c < 0x80) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                        String pair = s.substring(i, i + 2);
                        if (encoder.canEncode(pair)) {
                            out.append(pair);
                        } else {
                            out.append("&#x").append(Integer.toHexString(pair.codePointAt(0)).toUpperCase()).append(';');
                        }
                        i++;
                    } else if (!Character.isSurrogate(c) && encoder.canEncode(c)) {
                        out.append(c);
                    } else if (!Character.isSurrogate(c)) {
                        out.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
                    }
                    break;
            }
        }
    }
}

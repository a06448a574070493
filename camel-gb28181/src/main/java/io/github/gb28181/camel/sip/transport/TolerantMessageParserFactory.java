package io.github.gb28181.camel.sip.transport;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.InvalidArgumentException;

/**
 * Datagram parsing that keeps a body sent behind {@code Content-Length: 0}. Some devices write that header before
 * their MANSCDP body; jain-sip would drop the body. Over UDP the datagram's end is the body's end, so nothing is
 * guessed. Named by the stack property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 * <p>
 * What tolerance must not let through is refused here, as a parse error (which the stack answers 400 where it can
 * tell where to, and otherwise drops), and counted: messages without the headers every SIP message has, which
 * jain-sip let through to fail later with a NullPointerException. A request
 * line's SIP version, which jain-sip reads as 2.0 whatever it says, is kept as written, so that the stack's own
 * check answers 505. Also refused, as RFC 4475 asks: two Content-Length headers (which one frames the body?), and
 * a From or To whose display name is neither a quoted string nor plain tokens (jain-sip took {@code Bell,
 * Alexander <sip:...>} apart silently).
 * <p>
 * What RFC 3261 asks to be accepted is: a request without Max-Forwards (RFC 2543 made it optional) gets the default
 * 70 instead of a 400, and a Content-Type charset Java does not know is dropped (the MANSCDP codec reads the XML
 * declaration, then falls back to GB18030), instead of making jain-sip fail on encoding the request later, which
 * left it unanswered.
 */
public class TolerantMessageParserFactory implements MessageParserFactory {

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new TolerantParser(CountingSipStack.of(stack));
    }

    static final class TolerantParser extends StringMsgParser {

        private static final String[] MANDATORY = {"Via", "From", "To", "Call-ID", "CSeq"};
        private static final MaxForwards RFC2543_MAX_FORWARDS = maxForwards(70);

        private final SipCounters counters;

        TolerantParser(SipCounters counters) {
            this.counters = counters;
        }

        @Override
        public SIPMessage parseSIPMessage(
                byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
                throws ParseException {
            if (readBody && startsWithHeader(bytes)) {
                // no start line: nothing to answer, and jain-sip's automatic 400 throws on one (it looks for each header
                // after a line break) and logs the whole datagram at ERROR
                counters.countUnparsable();
                return null;
            }
            try {
                // over TCP jain-sip parses without a listener, and a header it cannot parse just disappears: keep it
                // aside as the UDP path does, so "Expires: -1" reads as a bad Expires, not as none
                SIPMessage message = super.parseSIPMessage(bytes, readBody, strict, listener != null ? listener
                        : (e, parsed, headerClass, header, text) -> parsed.addUnparsed(header));
                if (message == null) {
                    return null;
                }
                for (String header : MANDATORY) {
                    if (message.getHeader(header) == null) {
                        throw new ParseException("No " + header + " header", 0);
                    }
                }
                boolean maxForwards = RawHeaders.check(bytes);
                if (message instanceof SIPRequest request) {
                    keepVersion(request, bytes);
                    if (!maxForwards) {
                        request.setHeader(RFC2543_MAX_FORWARDS);
                    }
                }
                dropUnknownCharset(message);
                int start = bodyStart(bytes);
                if (readBody && start > 0 && message.getRawContent() == null && hasText(bytes, start)) {
                    byte[] body = new byte[bytes.length - start];
                    System.arraycopy(bytes, start, body, 0, body.length);
                    message.setMessageContent(body, false, true, body.length);
                }
                return message;
            } catch (ParseException e) {
                counters.countUnparsable();
                throw e;
            }
        }

        private static MaxForwards maxForwards(int hops) {
            try {
                return new MaxForwards(hops);
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void dropUnknownCharset(SIPMessage message) {
            ContentType type = (ContentType) message.getContentTypeHeader();
            String charset = type == null ? null : type.getParameter("charset");
            if (charset != null && !supported(charset.replace("\"", ""))) {
                type.removeParameter("charset");
            }
        }

        private static boolean supported(String charset) {
            try {
                return Charset.isSupported(charset);
            } catch (IllegalCharsetNameException e) {
                return false;
            }
        }

        /** jain-sip reads any version in a request line as SIP/2.0; the one written is put back for its 505 check. */
        private void keepVersion(SIPRequest request, byte[] bytes) {
            int end = 0;
            while (end < bytes.length && end < 8192 && bytes[end] != '\r' && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).strip();
            String version = line.substring(line.lastIndexOf(' ') + 1);
            if (!version.equalsIgnoreCase("SIP/2.0")) {
                request.getRequestLine().setSipVersion(version.length() > 32 ? version.substring(0, 32) : version);
                counters.countRejected(505); // the stack answers it
            }
        }

        /** Whether the first line, after the CRLFs a keep-alive leaves, is a header rather than a start line. */
        private static boolean startsWithHeader(byte[] bytes) {
            int i = 0;
            while (i < bytes.length && (bytes[i] == '\r' || bytes[i] == '\n')) {
                i++;
            }
            int start = i;
            while (i < bytes.length && bytes[i] != ':' && bytes[i] != ' ' && bytes[i] != '\r' && bytes[i] != '\n') {
                i++;
            }
            return i > start && i < bytes.length && bytes[i] == ':';
        }

        private static int bodyStart(byte[] bytes) {
            for (int i = 0; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private static boolean hasText(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] > ' ') {
                    return true;
                }
            }
            return false;
        }
    }
}

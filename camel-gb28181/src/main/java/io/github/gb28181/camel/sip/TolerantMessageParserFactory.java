package io.github.gb28181.camel.sip;

import java.text.ParseException;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Datagram parsing that keeps a body sent behind {@code Content-Length: 0}. Some devices write that header before
 * their MANSCDP body; jain-sip would drop the body. Over UDP the datagram's end is the body's end, so nothing is
 * guessed. Named by the stack property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 * <p>
 * Messages that do not parse are counted in the server's {@link SipCounters}.
 */
public class TolerantMessageParserFactory implements MessageParserFactory {

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new TolerantParser(CountingSipStack.of(stack));
    }

    static final class TolerantParser extends StringMsgParser {

        private final SipCounters counters;

        TolerantParser(SipCounters counters) {
            this.counters = counters;
        }

        @Override
        public SIPMessage parseSIPMessage(
                byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
                throws ParseException {
            try {
                SIPMessage message = super.parseSIPMessage(bytes, readBody, strict, listener);
                if (message == null) {
                    return null;
                }
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

package io.github.gb28181.camel.sip.log;

import java.util.Properties;
import java.util.regex.Pattern;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes jain-sip's message trace to slf4j at TRACE level on the {@code io.github.gb28181.camel.sip.wire} logger.
 * Password elements that devices put in DeviceInfo and ConfigDownload answers are masked before they are written.
 */
public class Slf4jServerLogger implements ServerLogger {

    private static final Logger WIRE = LoggerFactory.getLogger("io.github.gb28181.camel.sip.wire");
    private static final Pattern PASSWORD = Pattern.compile("(?is)(<Password>).*?(</Password>)");

    @Override
    public void closeLogFile() {
        // nothing to close: slf4j owns the output
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        trace(message, from, to, sender);
    }

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, PASSWORD.matcher(message.encode()).replaceAll("$1***$2"));
        }
    }

    @Override
    public void logException(Exception ex) {
        WIRE.debug("jain-sip server exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // configuration comes from slf4j
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed: every message arrives through logMessage
    }
}

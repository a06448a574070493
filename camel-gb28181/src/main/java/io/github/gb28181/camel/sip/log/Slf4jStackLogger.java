package io.github.gb28181.camel.sip.log;

import java.util.Properties;
import java.util.regex.Pattern;

import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes jain-sip's stack log to slf4j, so the stack never reaches for log4j 1. Named by the
 * {@code gov.nist.javax.sip.STACK_LOGGER} stack property, which instantiates it reflectively.
 */
public class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");
    private static final Pattern TLS_NOTICE = Pattern.compile("(?i)tls|keystore|truststore");

    private volatile boolean enabled = true;

    @Override
    public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int traceLevel) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("jain-sip exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        // the stack announces its TLS defaults as warnings on every start; we never listen on TLS
        if (message != null && TLS_NOTICE.matcher(message).find()) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    /**
     * At DEBUG: jain-sip's INFO is per-packet chatter ("Setting SIPMessage peerPacketSource to: ..." for every
     * message), which an application's INFO root (camel run, JBang, Spring Boot defaults) would print line by line.
     */
    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled) {
            return false;
        }
        // jain-sip guards every message build with this call: answering from slf4j keeps the hot path cheap.
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        } else if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        } else if (logLevel >= TRACE_INFO) {
            return LOG.isDebugEnabled(); // logInfo writes at DEBUG
        } else if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return LOG.isErrorEnabled();
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // configuration comes from slf4j, not from stack properties
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}

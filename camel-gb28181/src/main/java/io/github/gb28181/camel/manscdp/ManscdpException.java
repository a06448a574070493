package io.github.gb28181.camel.manscdp;

/**
 * A MANSCDP body that cannot be accepted. Unchecked because callers are usually SIP dispatch code
 * that maps every failure to one response code, and lambdas should not need wrapping.
 */
public class ManscdpException extends RuntimeException {

    /** Why a body was refused, so a caller can pick the SIP answer (e.g. 400 vs 413) without parsing text. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        DTD_FORBIDDEN,
        MALFORMED,
        UNSUPPORTED
    }

    private final Reason reason;

    public ManscdpException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ManscdpException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}

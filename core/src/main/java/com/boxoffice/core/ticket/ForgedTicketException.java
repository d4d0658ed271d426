package com.boxoffice.core.ticket;

import com.boxoffice.core.shared.BoxOfficeException;

/**
 * A ticket code that this box office did not issue, or issued and someone changed: the door must
 * refuse it. The reason tells a scanner operator what kind of problem it was; it never says which
 * byte was wrong, so it teaches a forger nothing.
 */
public class ForgedTicketException extends BoxOfficeException {

    /** Why the code was refused. */
    public enum Reason {
        /** Empty, too long, wrong shape, or not base64url. */
        MALFORMED,
        /** Not from a format version this scanner reads. */
        UNSUPPORTED_VERSION,
        /** Well formed, but the signature does not match the content under this public key. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public ForgedTicketException(Reason reason, String message) {
        super("FORGED_TICKET", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

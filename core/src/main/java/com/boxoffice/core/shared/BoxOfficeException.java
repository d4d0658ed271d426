package com.boxoffice.core.shared;

/**
 * Base of the core's typed errors. The code is stable and machine-readable (the web edge turns it
 * into a problem type, the client into a sentence); the message is for logs and operators.
 *
 * <p>These are answers, not faults: a sold-out flash sale refuses hundreds of thousands of buyers
 * with one. So they carry no stack trace, which would cost more than the whole refusal and say
 * nothing the code and message do not.
 */
public abstract class BoxOfficeException extends RuntimeException {

    private final String code;

    protected BoxOfficeException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

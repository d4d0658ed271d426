package com.boxoffice.core.shared;

/**
 * Base of the core's typed errors. The code is stable and machine-readable (the web edge turns it
 * into a problem type, the client into a sentence); the message is for logs and operators.
 */
public abstract class BoxOfficeException extends RuntimeException {

    private final String code;

    protected BoxOfficeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

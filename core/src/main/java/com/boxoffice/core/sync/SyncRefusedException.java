package com.boxoffice.core.sync;

/**
 * The sync server refused the call (a 4xx answer): sending it again unchanged will not help. 401 and
 * 403 mean the terminal's credential is unknown or revoked, or (on a manager's call) that the server
 * does not take the terminal or the staff member named for it.
 */
public class SyncRefusedException extends RuntimeException {

    private final int status;
    private final String problemType;
    private final String detail;

    public SyncRefusedException(int status, String detail) {
        this(status, null, detail);
    }

    /**
     * @param problemType the last part of the problem's type URI ({@code seat-unavailable}), or null
     * @param detail      the problem's detail: the server's own sentence
     */
    public SyncRefusedException(int status, String problemType, String detail) {
        super(message(status, detail));
        this.status = status;
        this.problemType = problemType;
        this.detail = detail;
    }

    private static String message(int status, String detail) {
        if (status == 401 || status == 403) {
            return "The sync server does not accept this terminal's credential (" + status + ": " + detail
                    + "). Ask a manager to register the terminal again and enter its new credential.";
        }
        return "The sync server refused the sales (" + status + "): " + detail;
    }

    public int status() {
        return status;
    }

    /** What kind of refusal the server's problem names ({@code not-equivalent}, {@code conflict-resolved}, ...); may be null. */
    public String problemType() {
        return problemType;
    }

    /** The server's own sentence about what is wrong. */
    public String detail() {
        return detail;
    }

    /** True when the terminal's credential itself was refused. */
    public boolean credentialRefused() {
        return status == 401 || status == 403;
    }
}

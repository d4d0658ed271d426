package com.boxoffice.core.sync;

/**
 * The sync server refused the call (a 4xx answer): sending it again unchanged will not help. 401
 * means the terminal's credential is unknown or wrong; 403 that it is revoked or, on a manager's
 * call, not a manager terminal's ({@link #credentialRefused()}), or that the staff member named for
 * the call is not an active manager there (problem type {@code not-a-manager}), or that the call is
 * not the terminal's to make.
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
        super(message(status, problemType, detail));
        this.status = status;
        this.problemType = problemType;
        this.detail = detail;
    }

    private static String message(int status, String problemType, String detail) {
        if (credentialRefused(status, problemType)) {
            return "The sync server does not accept this terminal's credential (" + status + ": " + detail
                    + "). Ask a manager to register the terminal again and enter its new credential.";
        }
        if ("not-a-manager".equals(problemType)) {
            return "The sync server refused this for the signed-in person (" + detail
                    + "): sign in as a manager the sync server knows.";
        }
        return "The sync server refused this (" + status + "): " + detail;
    }

    /**
     * The terminal's own credential is the problem: unknown or wrong (401), revoked, or not a manager
     * terminal's for a manager's call. Not when the staff member named for the call is the problem.
     */
    private static boolean credentialRefused(int status, String problemType) {
        if (status == 401) {
            return true;
        }
        return status == 403 && !"not-a-manager".equals(problemType) && !"forbidden".equals(problemType);
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

    /** True when the terminal's credential itself was refused, not the staff member named for the call. */
    public boolean credentialRefused() {
        return credentialRefused(status, problemType);
    }
}

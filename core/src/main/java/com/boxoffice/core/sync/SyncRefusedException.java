package com.boxoffice.core.sync;

/**
 * The sync server refused the call (a 4xx answer): sending it again unchanged will not help. 401 and
 * 403 mean the terminal's credential is unknown or revoked.
 */
public class SyncRefusedException extends RuntimeException {

    private final int status;

    public SyncRefusedException(int status, String detail) {
        super(message(status, detail));
        this.status = status;
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

    /** True when the terminal's credential itself was refused. */
    public boolean credentialRefused() {
        return status == 401 || status == 403;
    }
}

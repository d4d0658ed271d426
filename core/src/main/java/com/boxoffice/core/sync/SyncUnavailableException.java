package com.boxoffice.core.sync;

/** The sync server could not be reached or could not take the call now; sending again later is right. */
public class SyncUnavailableException extends RuntimeException {

    public SyncUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

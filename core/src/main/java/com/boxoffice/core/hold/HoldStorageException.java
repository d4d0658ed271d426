package com.boxoffice.core.hold;

/**
 * The local store could not read or write its database. Unlike the typed
 * {@link com.boxoffice.core.shared.BoxOfficeException}s this is no answer about the seats: the
 * change was not made (the transaction was rolled back and the store forgot its copy of the
 * performance, to read it back from disk on the next call), so the caller may try again.
 */
public class HoldStorageException extends RuntimeException {

    public HoldStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

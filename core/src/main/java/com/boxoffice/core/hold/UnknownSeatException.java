package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** A seat id the performance's venue does not have. */
public class UnknownSeatException extends BoxOfficeException {

    public UnknownSeatException(String message) {
        super("UNKNOWN_SEAT", message);
    }
}

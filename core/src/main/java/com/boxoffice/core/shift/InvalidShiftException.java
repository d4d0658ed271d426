package com.boxoffice.core.shift;

import com.boxoffice.core.shared.BoxOfficeException;

/** A shift request that cannot be right (a negative float or count, a malformed currency); nothing changes. */
public class InvalidShiftException extends BoxOfficeException {

    public InvalidShiftException(String message) {
        super("INVALID_SHIFT", message);
    }
}

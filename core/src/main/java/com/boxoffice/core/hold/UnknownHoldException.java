package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** No hold with that id (never made, or forgotten long after it ended). */
public class UnknownHoldException extends BoxOfficeException {

    public UnknownHoldException(String message) {
        super("UNKNOWN_HOLD", message);
    }
}

package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** A request id already used for a different hold. */
public class DuplicateHoldIdException extends BoxOfficeException {

    public DuplicateHoldIdException(String message) {
        super("DUPLICATE_HOLD_ID", message);
    }
}

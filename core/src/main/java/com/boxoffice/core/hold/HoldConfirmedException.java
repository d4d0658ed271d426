package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The hold was already sold, so it can no longer be released. */
public class HoldConfirmedException extends BoxOfficeException {

    public HoldConfirmedException(String message) {
        super("HOLD_CONFIRMED", message);
    }
}

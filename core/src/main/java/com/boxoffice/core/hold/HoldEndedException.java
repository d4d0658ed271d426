package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The hold was released or has expired and can no longer be changed. */
public class HoldEndedException extends BoxOfficeException {

    public HoldEndedException(String message) {
        super("HOLD_ENDED", message);
    }
}

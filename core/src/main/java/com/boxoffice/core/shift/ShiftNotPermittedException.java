package com.boxoffice.core.shift;

import com.boxoffice.core.shared.BoxOfficeException;

/** This staff member may not do this to a shift: unknown or deactivated, a kiosk account, or a clerk closing another clerk's shift. */
public class ShiftNotPermittedException extends BoxOfficeException {

    public ShiftNotPermittedException(String message) {
        super("SHIFT_NOT_PERMITTED", message);
    }
}

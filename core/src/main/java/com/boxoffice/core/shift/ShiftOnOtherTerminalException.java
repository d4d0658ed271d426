package com.boxoffice.core.shift;

import com.boxoffice.core.shared.BoxOfficeException;

/** The shift belongs to another terminal's drawer; it is closed there. */
public class ShiftOnOtherTerminalException extends BoxOfficeException {

    public ShiftOnOtherTerminalException(String message) {
        super("SHIFT_ON_OTHER_TERMINAL", message);
    }
}

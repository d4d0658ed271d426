package com.boxoffice.core.shift;

import com.boxoffice.core.shared.BoxOfficeException;

/** No shift has this id. */
public class UnknownShiftException extends BoxOfficeException {

    public UnknownShiftException(String message) {
        super("UNKNOWN_SHIFT", message);
    }
}

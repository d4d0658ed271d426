package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The token does not belong to the hold: only the holder may change it. */
public class WrongHoldTokenException extends BoxOfficeException {

    public WrongHoldTokenException(String message) {
        super("WRONG_TOKEN", message);
    }
}

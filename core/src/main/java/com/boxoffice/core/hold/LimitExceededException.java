package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The buyer would hold or own more seats than the performance allows. */
public class LimitExceededException extends BoxOfficeException {

    public LimitExceededException(String message) {
        super("LIMIT_EXCEEDED", message);
    }
}

package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** No such performance, or its seats are not loaded. */
public class UnknownPerformanceException extends BoxOfficeException {

    public UnknownPerformanceException(String message) {
        super("UNKNOWN_PERFORMANCE", message);
    }
}

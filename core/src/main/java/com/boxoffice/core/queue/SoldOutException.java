package com.boxoffice.core.queue;

import com.boxoffice.core.shared.BoxOfficeException;

/** Nothing is left to sell for the performance. */
public class SoldOutException extends BoxOfficeException {

    public SoldOutException(String message) {
        super("SOLD_OUT", message);
    }
}

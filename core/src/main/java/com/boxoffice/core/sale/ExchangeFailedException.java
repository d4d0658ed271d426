package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** The exchange was called off: the old tickets stand, the new seats were let go, and any money paid towards the new seats was given back. */
public class ExchangeFailedException extends BoxOfficeException {

    public ExchangeFailedException(String message) {
        super("EXCHANGE_FAILED", message);
    }
}

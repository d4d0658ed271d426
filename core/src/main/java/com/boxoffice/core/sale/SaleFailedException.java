package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** The sale could not be completed; any money taken has been given back. */
public class SaleFailedException extends BoxOfficeException {

    public SaleFailedException(String message) {
        super("SALE_FAILED", message);
    }
}

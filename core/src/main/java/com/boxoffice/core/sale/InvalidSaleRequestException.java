package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** A payment or sale request that cannot be right (amounts that do not add up, short cash). */
public class InvalidSaleRequestException extends BoxOfficeException {

    public InvalidSaleRequestException(String message) {
        super("INVALID_REQUEST", message);
    }
}

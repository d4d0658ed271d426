package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The performance is not on sale through this channel at this moment. */
public class NotOnSaleException extends BoxOfficeException {

    public NotOnSaleException(String message) {
        super("NOT_ON_SALE", message);
    }
}

package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** No order with that id in this journal. */
public class UnknownOrderException extends BoxOfficeException {

    public UnknownOrderException(String message) {
        super("UNKNOWN_ORDER", message);
    }
}

package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** A seat named for a refund or exchange was not sold in that order. Nothing was changed. */
public class SeatNotInOrderException extends BoxOfficeException {

    public SeatNotInOrderException(String message) {
        super("SEAT_NOT_IN_ORDER", message);
    }
}

package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** A seat named for a refund or exchange was already given back (or is being given back in an exchange under way). Nothing was changed. */
public class SeatAlreadyRefundedException extends BoxOfficeException {

    public SeatAlreadyRefundedException(String message) {
        super("SEAT_ALREADY_REFUNDED", message);
    }
}

package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** A card was declined (or never charged); the order waits for another way to pay what is still due. */
public class PaymentDeclinedException extends BoxOfficeException {

    private final long stillDueMinor;

    public PaymentDeclinedException(String message, long stillDueMinor) {
        super("PAYMENT_DECLINED", message);
        this.stillDueMinor = stillDueMinor;
    }

    public long stillDueMinor() {
        return stillDueMinor;
    }
}

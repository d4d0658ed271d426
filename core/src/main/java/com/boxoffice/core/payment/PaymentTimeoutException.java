package com.boxoffice.core.payment;

import com.boxoffice.core.shared.BoxOfficeException;

/** The provider did not answer in time: the charge may or may not have happened. */
public class PaymentTimeoutException extends BoxOfficeException {

    public PaymentTimeoutException(String idempotencyKey) {
        super("PAYMENT_TIMEOUT", "No answer from the card provider for payment " + idempotencyKey
                + "; it will be checked before anything is charged again");
    }
}

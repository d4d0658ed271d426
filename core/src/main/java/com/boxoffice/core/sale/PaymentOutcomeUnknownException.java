package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** The card provider's answer is not known yet; the payment will be checked, never charged again. */
public class PaymentOutcomeUnknownException extends BoxOfficeException {

    public PaymentOutcomeUnknownException(String message) {
        super("PAYMENT_UNKNOWN", message);
    }
}

package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** A refund or exchange id was sent again with a different request. Nothing was changed. */
public class RefundIdReusedException extends BoxOfficeException {

    public RefundIdReusedException(String message) {
        super("REFUND_ID_REUSED", message);
    }
}

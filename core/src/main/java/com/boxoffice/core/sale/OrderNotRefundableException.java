package com.boxoffice.core.sale;

import com.boxoffice.core.shared.BoxOfficeException;

/** The order is not a completed sale (or an exchange into it is still under way), so none of its seats can be given back. Nothing was changed. */
public class OrderNotRefundableException extends BoxOfficeException {

    public OrderNotRefundableException(String message) {
        super("ORDER_NOT_REFUNDABLE", message);
    }
}

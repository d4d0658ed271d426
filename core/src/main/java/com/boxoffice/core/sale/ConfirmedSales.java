package com.boxoffice.core.sale;

import java.util.List;

import com.boxoffice.core.payment.PaymentEntity;

/**
 * Told of every order the moment it is confirmed, inside the transaction that confirms it: whatever
 * it writes commits or rolls back with the sale. A terminal uses it to put the sale in its outbox.
 */
@FunctionalInterface
public interface ConfirmedSales {

    /** Nothing to do: a server confirms sales it already holds centrally. */
    ConfirmedSales NONE = (order, payments) -> {
    };

    /**
     * @param order    the order, just confirmed
     * @param payments every payment row of the order, oldest first
     */
    void confirmed(SaleOrderEntity order, List<PaymentEntity> payments);
}

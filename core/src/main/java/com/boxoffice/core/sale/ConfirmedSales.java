package com.boxoffice.core.sale;

import java.util.List;

import com.boxoffice.core.payment.PaymentEntity;

/**
 * Told of every order the moment it is confirmed, and of seats given back the moment their tickets
 * go void, inside the transaction that does it: whatever it writes commits or rolls back with the
 * sale or the refund. A terminal uses it to put both in its outbox, so the central database learns
 * of a refund too and does not keep the refunded tickets live.
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

    /**
     * Seats of a confirmed order were given back: their tickets are void as of this transaction.
     *
     * @param refundId    the refund's (or exchange's) own id
     * @param kind        a refund for money, or an exchange for other seats (which arrive as a sale)
     * @param order       the order the seats were sold in
     * @param seats       the seats given back, at the prices they were sold at
     * @param amountMinor what the seats were worth, given back as money or as exchange credit
     * @param reason      why, as the clerk gave it
     */
    default void givenBack(String refundId, RefundKind kind, SaleOrderEntity order, List<RefundSeat> seats,
                           long amountMinor, String reason) {
    }
}

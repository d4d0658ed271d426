package com.boxoffice.core.sale;

/** The durable steps of a sale, a refund and an exchange, each in order; each is committed to the journal before the next begins. */
public enum SaleStep {
    /** Seats held and prices locked. */
    PRICED,
    /** Payment rows written; cards are about to be charged. */
    PAYMENT_PENDING,
    /** All money taken; seats not yet confirmed. */
    PAID,
    /** Seats sold in the hold store; tickets not yet written. */
    SEATS_CONFIRMED,
    /** Tickets written: the sale is complete. */
    CONFIRMED,
    /** A refund is journalled and its tickets void; no money or seat has moved yet. */
    REFUND_JOURNALLED,
    /** The refund's money is back (cards refunded at the provider, cash paid out); seats not yet freed. */
    REFUND_MONEY_RETURNED,
    /** The refunded seats are back on sale in the hold store; the refund is not yet marked complete. */
    REFUND_SEATS_FREED,
    /** The refund is complete. */
    REFUND_COMPLETED,
    /** An exchange is journalled: the new order waits for payment, the old tickets are still live. */
    EXCHANGE_JOURNALLED,
    /** The exchange's new order is confirmed; the old tickets are not yet void. */
    EXCHANGE_NEW_SALE_CONFIRMED,
    /** The exchange's old tickets are void; its money (if any) and seats are handed on as a refund's. */
    EXCHANGE_OLD_TICKETS_VOIDED
}

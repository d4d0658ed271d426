package com.boxoffice.core.sale;

/** The durable steps of a sale, in order; each is committed to the journal before the next begins. */
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
    CONFIRMED
}

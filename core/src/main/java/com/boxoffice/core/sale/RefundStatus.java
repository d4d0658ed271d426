package com.boxoffice.core.sale;

/**
 * Where a refund stands. A refund is rolled forward, never back, once its tickets are void: every
 * step after that (card refunds, freeing seats) is idempotent and retried by recovery until done.
 */
public enum RefundStatus {
    /** An exchange is journalled; the old tickets stay live until the new order is confirmed. */
    AWAITING_NEW_SALE,
    /** The seats' tickets are void; money still to go back and seats still to be freed in the hold store. */
    TICKETS_VOIDED,
    /** Money back, seats back on sale. */
    COMPLETED,
    /** An exchange whose new sale failed: the old tickets were never touched and stay live. */
    UNWOUND
}

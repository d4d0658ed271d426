package com.boxoffice.core.sale;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a sale stands. The journal is written before each step is taken, so after a crash the status
 * says which step to retry, compensate or report.
 */
public enum OrderStatus {
    /** Seats are held for the buyer; nothing priced or paid. */
    HELD,
    /** Each seat's price is fixed; the buyer is shown the total. */
    PRICED,
    /** A payment was started and its outcome is not yet known. */
    PAYMENT_PENDING,
    /** The money is taken; tickets are not yet issued. */
    PAID,
    /** Tickets issued: the sale is complete. */
    CONFIRMED,
    /** Gave up before any money was taken. */
    FAILED,
    /** The buyer or seller abandoned the sale before any money was taken. */
    CANCELLED,
    /** The money was taken and given back. */
    REFUNDED;

    /** Whether an order in this status may move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return successors().contains(next);
    }

    /** Whether nothing can happen to the order any more. */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<OrderStatus> successors() {
        return switch (this) {
            case HELD -> EnumSet.of(PRICED, FAILED, CANCELLED);
            case PRICED -> EnumSet.of(PAYMENT_PENDING, FAILED, CANCELLED);
            // A payment under way is finished or failed, never abandoned: money may be moving.
            case PAYMENT_PENDING -> EnumSet.of(PAID, FAILED);
            // Once money is taken the only ways out are tickets or a refund, never a silent failure.
            case PAID -> EnumSet.of(CONFIRMED, REFUNDED);
            case CONFIRMED -> EnumSet.of(REFUNDED);
            case FAILED, CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}

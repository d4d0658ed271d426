package com.boxoffice.core.shift;

/**
 * What went through one terminal in a period, in minor units of one currency.
 *
 * @param cashTakenMinor     cash kept for sales: what was handed over less the change given back
 * @param cashRefundedMinor  cash paid out for refunds
 * @param cardTakenMinor     card payments captured for sales
 * @param cardRefundedMinor  card payments given back
 * @param sales              completed sales (orders)
 * @param refunds            refunds made
 * @param tickets            tickets sold in those sales
 */
public record ShiftTotals(long cashTakenMinor, long cashRefundedMinor, long cardTakenMinor, long cardRefundedMinor,
                          int sales, int refunds, int tickets) {

    public static final ShiftTotals NONE = new ShiftTotals(0, 0, 0, 0, 0, 0, 0);

    public ShiftTotals {
        if (cashTakenMinor < 0 || cashRefundedMinor < 0 || cardTakenMinor < 0 || cardRefundedMinor < 0
                || sales < 0 || refunds < 0 || tickets < 0) {
            throw new IllegalArgumentException("Shift totals cannot be negative");
        }
    }
}

package com.boxoffice.core.shift;

import java.time.Instant;

/**
 * The end-of-shift report, as stored when the shift closed. Amounts in minor units of {@code currency}.
 *
 * @param cashTakenMinor    cash kept for sales (handed over less change given)
 * @param expectedCashMinor opening float + cash taken - cash refunded: what the drawer should hold
 * @param countedCashMinor  what the clerk counted in the drawer at the close
 * @param overShortMinor    counted - expected: positive when the drawer is over, negative when short
 */
public record ShiftReport(String shiftId, String terminalId, String currency, long openingFloatMinor,
                          long cashTakenMinor, long cashRefundedMinor, long cardTakenMinor, long cardRefundedMinor,
                          int sales, int refunds, int tickets, long expectedCashMinor, long countedCashMinor,
                          long overShortMinor, String openedBy, Instant openedAt, String closedBy, Instant closedAt) {
}

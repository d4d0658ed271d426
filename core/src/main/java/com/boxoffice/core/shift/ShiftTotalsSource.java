package com.boxoffice.core.shift;

import java.time.Instant;

/** Where a shift's close finds the money and sales of its terminal. */
public interface ShiftTotalsSource {

    /**
     * Totals of the terminal's payments and refunds in {@code currency} made from {@code from}
     * (inclusive) until {@code to} (exclusive). Called inside the transaction that closes the shift.
     */
    ShiftTotals totals(String terminalId, String currency, Instant from, Instant to);
}

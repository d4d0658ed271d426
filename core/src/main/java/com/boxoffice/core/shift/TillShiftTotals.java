package com.boxoffice.core.shift;

import java.time.Instant;

import com.boxoffice.core.sale.SaleTotals;
import com.boxoffice.core.sale.TillTotals;

/**
 * A shift's money from the terminal's till: sales, refunds and exchanges journalled at the
 * terminal while the shift was open (see {@link TillTotals} for what each figure counts). A
 * terminal's drawer holds one currency, so the shift's currency selects nothing further.
 */
public class TillShiftTotals implements ShiftTotalsSource {

    private final TillTotals till;

    public TillShiftTotals(TillTotals till) {
        this.till = till;
    }

    @Override
    public ShiftTotals totals(String terminalId, String currency, Instant from, Instant to) {
        SaleTotals t = till.totals(terminalId, from, to);
        return new ShiftTotals(t.cashTakenMinor(), t.cashRefundedMinor(), t.cardTakenMinor(), t.cardRefundedMinor(),
                t.sales(), t.refunds() + t.exchanges(), t.ticketsSold());
    }
}

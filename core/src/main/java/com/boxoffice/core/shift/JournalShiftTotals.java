package com.boxoffice.core.shift;

import java.time.Instant;

import com.boxoffice.core.payment.PaymentMethod;

/**
 * Shift totals from the sale journal: the captured payments of the terminal's confirmed orders.
 *
 * <p>Refunds are counted as none here. Refunds will be read from the refund records once those
 * exist; until then an order refunded after its sale is no longer confirmed and drops out of the
 * sales, so the cash expected in the drawer still nets out when sale and refund fall in one shift.
 */
public class JournalShiftTotals implements ShiftTotalsSource {

    private final ShiftJournalRepository journal;

    public JournalShiftTotals(ShiftJournalRepository journal) {
        this.journal = journal;
    }

    @Override
    public ShiftTotals totals(String terminalId, String currency, Instant from, Instant to) {
        long cash = journal.taken(terminalId, currency, PaymentMethod.CASH, from, to);
        long card = journal.taken(terminalId, currency, PaymentMethod.CARD, from, to);
        long sales = journal.sales(terminalId, currency, from, to);
        long tickets = journal.tickets(terminalId, currency, from, to);
        return new ShiftTotals(cash, 0, card, 0, Math.toIntExact(sales), 0, Math.toIntExact(tickets));
    }
}

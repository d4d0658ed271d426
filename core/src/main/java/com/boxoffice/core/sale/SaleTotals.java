package com.boxoffice.core.sale;

import java.time.Instant;

/**
 * Money and tickets through one terminal in a time window [from, to), for the cash drawer's shift
 * report. Amounts are in minor units; a terminal sells in one currency.
 *
 * @param cashTakenMinor    cash kept from sales paid in [from, to): each cash payment's amount, so
 *                          tendered less change; includes cash top-ups of exchanges
 * @param cashRefundedMinor cash paid out in [from, to): refunds and exchange differences handed back
 *                          at this terminal, and cash given back whole when a sale of this terminal
 *                          failed after taking it
 * @param cardTakenMinor    card money taken in [from, to) for this terminal's orders
 * @param cardRefundedMinor card money given back in [from, to): refunds made at this terminal, and
 *                          charges of this terminal's orders given back whole when their sale failed
 * @param sales             orders of this terminal whose tickets were issued in [from, to)
 *                          (exchanges' new orders included)
 * @param refunds           refunds journalled at this terminal in [from, to)
 * @param exchanges         exchanges journalled at this terminal in [from, to) and not called off
 * @param ticketsSold       tickets issued in [from, to) for this terminal's orders
 * @param ticketsRefunded   seats given back by those refunds and exchanges
 */
public record SaleTotals(String terminalId, Instant from, Instant to, long cashTakenMinor, long cashRefundedMinor,
                         long cardTakenMinor, long cardRefundedMinor, int sales, int refunds, int exchanges,
                         int ticketsSold, int ticketsRefunded) {

    /** Cash the drawer should hold more than at the start of the window. */
    public long netCashMinor() {
        return cashTakenMinor - cashRefundedMinor;
    }
}

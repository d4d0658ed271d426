package com.boxoffice.core.sale;

import java.util.List;

/**
 * A completed sale.
 *
 * @param changeMinor cash to hand back to the buyer
 */
public record SaleReceipt(String orderId, String performanceId, List<IssuedTicket> tickets, long totalMinor,
                          String currency, long changeMinor) {

    public SaleReceipt {
        tickets = List.copyOf(tickets);
    }

    /** A ticket of the sale. */
    public record IssuedTicket(String ticketId, String seatId, long priceMinor) {
    }
}

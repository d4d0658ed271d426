package com.boxoffice.core.sale;

import java.util.List;

/**
 * A completed exchange.
 *
 * @param creditMinor     value of the seats given back, credited to the new order
 * @param newOrder        the new order's sale receipt (its tickets, and change for a cash top-up)
 * @param toppedUpMinor   what the buyer paid on top, when the new seats cost more
 * @param cardBackMinor   when they cost less: the part of the difference refunded to the old order's cards
 * @param cashBackMinor   when they cost less: the part of the difference to hand back in cash
 */
public record ExchangeReceipt(String exchangeId, String fromOrderId, List<String> seatIdsGivenBack, long creditMinor,
                              SaleReceipt newOrder, long toppedUpMinor, long cardBackMinor, long cashBackMinor) {

    public ExchangeReceipt {
        seatIdsGivenBack = List.copyOf(seatIdsGivenBack);
    }
}

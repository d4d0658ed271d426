package com.boxoffice.ui.boxoffice;

import java.util.List;

/**
 * Seats of a sold order that the buyer gives back for other seats of the same performance: what
 * they were sold for is set against the new seats.
 *
 * @param fromOrderId    the order the seats were sold in
 * @param shortReference that order's reference, as printed on its tickets
 * @param seatIds        the seats given back
 * @param creditMinor    what those seats were sold for
 * @param reason         why, in words (written on the exchange)
 */
public record ExchangeCredit(String fromOrderId, String shortReference, String performanceId, List<String> seatIds,
                             long creditMinor, String currency, String reason) {

    public ExchangeCredit {
        seatIds = List.copyOf(seatIds);
    }
}

package com.boxoffice.core.sale;

import java.util.List;

import com.boxoffice.core.hold.Hold;

/**
 * Held seats with their prices locked: what the buyer is asked to pay.
 *
 * @param orderId id of the order in the journal
 */
public record Basket(String orderId, Hold hold, List<OrderSeat> seats, long totalMinor, String currency) {

    public Basket {
        seats = List.copyOf(seats);
    }
}

package com.boxoffice.core.sale;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A seat of an order with the price it was sold at, fixed when the order was priced.
 *
 * @param seatId     venue seat id
 * @param category   the price category the seat was priced in
 * @param priceMinor price in minor units of the order's currency
 */
@Embeddable
public record OrderSeat(
        @Column(name = "seat_id", nullable = false, length = 64) String seatId,
        @Column(name = "category", nullable = false, length = 16) String category,
        @Column(name = "price_minor", nullable = false) long priceMinor) {

    public OrderSeat {
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(category, "category");
        if (priceMinor < 0) {
            throw new IllegalArgumentException("priceMinor must not be negative, was " + priceMinor);
        }
    }
}

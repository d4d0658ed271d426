package com.boxoffice.core.sale;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A seat given back by a refund or an exchange, at the price it was sold for.
 *
 * @param orderId the order the seat was sold under (a seat of an order is given back at most once)
 */
@Embeddable
public record RefundSeat(
        @Column(name = "order_id", nullable = false, length = 36) String orderId,
        @Column(name = "seat_id", nullable = false, length = 64) String seatId,
        @Column(name = "price_minor", nullable = false) long priceMinor) {

    public RefundSeat {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(seatId, "seatId");
    }
}

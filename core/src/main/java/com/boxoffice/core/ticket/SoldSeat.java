package com.boxoffice.core.ticket;

/** A seat with a live ticket, and the order it was sold under. */
public record SoldSeat(String seatId, String orderId) {
}

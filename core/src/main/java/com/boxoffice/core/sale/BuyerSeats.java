package com.boxoffice.core.sale;

/** How many seats one buyer owns at a performance. */
public record BuyerSeats(String buyer, long seats) {
}

package com.boxoffice.core.venue;

import java.util.List;

/**
 * A row of seats.
 *
 * @param label as printed on the ticket ("A", "12")
 * @param seats seats in physical order along the row, so that neighbours in the list sit side by
 *              side unless {@link Seat#aisleAfter()} says an aisle separates them
 */
public record Row(String label, List<Seat> seats) {

    public Row {
        seats = List.copyOf(seats);
    }
}

package com.boxoffice.core.hold;

/**
 * A seat whose state is kept durably (sold, blocked or allocated), used to load or rebuild the live
 * state. Seats not listed are available.
 *
 * @param owner order id (sold), reason (blocked) or terminal id (allocated)
 */
public record DurableSeat(String seatId, SeatState state, String owner) {

    public DurableSeat {
        if (state == SeatState.HELD || state == SeatState.AVAILABLE) {
            throw new IllegalArgumentException("Only sold, blocked and allocated seats are durable, not " + state);
        }
    }
}

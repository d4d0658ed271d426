package com.boxoffice.core.hold;

import java.util.List;

import com.boxoffice.core.shared.BoxOfficeException;

/** Some of the wanted seats are not free (held, sold, blocked or allocated elsewhere). */
public class SeatUnavailableException extends BoxOfficeException {

    private final List<String> seatIds;

    public SeatUnavailableException(List<String> seatIds) {
        super("SEAT_UNAVAILABLE", "Not available: " + String.join(", ", seatIds));
        this.seatIds = List.copyOf(seatIds);
    }

    /** The seats that are taken. */
    public List<String> seatIds() {
        return seatIds;
    }
}

package com.boxoffice.core.hold;

import java.util.Map;

import com.boxoffice.core.shared.BoxOfficeException;

/** A journal sale could not be applied: some of its seats are no longer free for its terminal. */
public class SaleConflictException extends BoxOfficeException {

    private final Map<String, SeatState> conflicts;

    public SaleConflictException(Map<String, SeatState> conflicts) {
        super("CONFLICT", "Seats taken since the sale: " + conflicts);
        this.conflicts = Map.copyOf(conflicts);
    }

    /** Each conflicting seat with the state it is in now. */
    public Map<String, SeatState> conflicts() {
        return conflicts;
    }
}

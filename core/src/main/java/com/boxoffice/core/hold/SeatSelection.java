package com.boxoffice.core.hold;

import java.util.List;

/** Which seats a hold asks for. */
public sealed interface SeatSelection {

    /** These exact seats, all or none. */
    record Seats(List<String> seatIds) implements SeatSelection {
        public Seats {
            seatIds = List.copyOf(seatIds);
        }
    }

    /**
     * The best {@code count} seats together in one row.
     *
     * @param category         price category code, or null for any category
     * @param wheelchairSpaces how many of the seats must be wheelchair spaces (the rest sit beside them)
     */
    record BestAvailable(int count, String category, int wheelchairSpaces) implements SeatSelection {
    }

    static SeatSelection seats(String... seatIds) {
        return new Seats(List.of(seatIds));
    }

    static SeatSelection best(int count, String category) {
        return new BestAvailable(count, category, 0);
    }
}

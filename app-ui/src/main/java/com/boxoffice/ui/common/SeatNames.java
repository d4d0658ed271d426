package com.boxoffice.ui.common;

import java.util.HashMap;
import java.util.Map;

import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

/** Seats named for people ("Stalls, row F, seat 12") rather than by id. */
public final class SeatNames {

    private final Map<String, String> names = new HashMap<>();

    public SeatNames(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    String name = section.name() + ", row " + row.label() + ", "
                            + (seat.isWheelchairSpace() ? "wheelchair space " : "seat ") + seat.number();
                    if (seat.access().contains(Accessibility.COMPANION)) {
                        name += " (companion)";
                    }
                    names.put(seat.id(), name);
                }
            }
        }
    }

    /** The seat's name, or its id when the venue has no such seat. */
    public String of(String seatId) {
        return names.getOrDefault(seatId, seatId);
    }
}

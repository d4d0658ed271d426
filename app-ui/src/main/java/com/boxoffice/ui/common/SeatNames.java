package com.boxoffice.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

/** Seats named for people ("Stalls, row F, seat 12") rather than by id. */
public final class SeatNames {

    /** Where a seat is, as printed on a ticket. */
    public record Place(String section, String row, String number, Set<Accessibility> access) {

        /** A line for the ticket about access, or null when the seat is an ordinary one. */
        public String accessNote() {
            if (access.contains(Accessibility.WHEELCHAIR)) {
                return "Wheelchair space";
            }
            if (access.contains(Accessibility.COMPANION)) {
                return "Companion seat beside a wheelchair space";
            }
            if (access.contains(Accessibility.RESTRICTED_VIEW)) {
                return "Restricted view";
            }
            return null;
        }
    }

    private final Map<String, Place> places = new HashMap<>();

    public SeatNames(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    places.put(seat.id(), new Place(section.name(), row.label(), seat.number(), seat.access()));
                }
            }
        }
    }

    /** The seat's name, or its id when the venue has no such seat. */
    public String of(String seatId) {
        Place place = places.get(seatId);
        if (place == null) {
            return seatId;
        }
        String name = place.section() + ", row " + place.row() + ", "
                + (place.access().contains(Accessibility.WHEELCHAIR) ? "wheelchair space " : "seat ") + place.number();
        return place.access().contains(Accessibility.COMPANION) ? name + " (companion)" : name;
    }

    /** Where the seat is, or null when the venue has no such seat. */
    public Place place(String seatId) {
        return places.get(seatId);
    }
}

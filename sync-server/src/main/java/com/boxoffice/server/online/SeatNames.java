package com.boxoffice.server.online;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.server.catalog.CatalogSeatings;

/** Seats as a buyer reads them on a ticket: section, row and seat number, by seat id; one table a venue. */
@Component
public class SeatNames {

    /** A seat as printed. */
    public record SeatName(String section, String row, String seat, String category) {
    }

    private final CatalogSeatings seatings;
    private final Map<String, Map<String, SeatName>> byVenue = new ConcurrentHashMap<>();

    public SeatNames(CatalogSeatings seatings) {
        this.seatings = seatings;
    }

    /** The seat's printed name at a performance; its id when the venue does not know it. */
    public SeatName of(String performanceId, String seatId) {
        Venue venue = seatings.venueOf(performanceId).venue();
        SeatName name = byVenue.computeIfAbsent(venue.id(), id -> table(venue)).get(seatId);
        return name != null ? name : new SeatName("", "", seatId, "");
    }

    private static Map<String, SeatName> table(Venue venue) {
        Map<String, SeatName> names = new HashMap<>();
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    names.put(seat.id(), new SeatName(section.name(), row.label(), seat.number(), seat.category()));
                }
            }
        }
        return names;
    }
}

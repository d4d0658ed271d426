package com.boxoffice.core.venue;

import java.util.List;
import java.util.Objects;

/**
 * A venue's seating plan: price categories and sections of rows of seats. Immutable; built by
 * {@link VenueJson} from the documented JSON format or by {@link DemoVenues}.
 *
 * @param id          stable id, used in URLs and keys (letters, digits, '-', '_')
 * @param name        name shown to people
 * @param kind        what sort of house it is; drives nothing but presentation
 * @param categories  price categories its seats are sold in; a performance prices each one
 * @param sections    sections in display order
 */
public record Venue(String id, String name, VenueKind kind, List<PriceCategory> categories, List<Section> sections) {

    public Venue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        sections = List.copyOf(sections);
    }

    /** Number of seats in the venue (wheelchair spaces included). */
    public int seatCount() {
        int n = 0;
        for (Section section : sections) {
            for (Row row : section.rows()) {
                n += row.seats().size();
            }
        }
        return n;
    }
}

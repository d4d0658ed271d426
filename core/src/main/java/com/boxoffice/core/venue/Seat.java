package com.boxoffice.core.venue;

import java.util.Set;

/**
 * One seat (or wheelchair space).
 *
 * @param id         unique within the venue, e.g. "STALLS-F-12"
 * @param number     seat number as printed on the ticket
 * @param x          centre in venue map coordinates (metres)
 * @param y          centre in venue map coordinates (metres)
 * @param category   code of its {@link PriceCategory}
 * @param rank       quality rank, lower is better; "best available" prefers low ranks
 * @param access     accessibility flags
 * @param aisleAfter an aisle (or any gap a group cannot sit across) follows this seat in its row
 */
public record Seat(String id, String number, double x, double y, String category, int rank,
                   Set<Accessibility> access, boolean aisleAfter) {

    public Seat {
        access = Set.copyOf(access);
    }

    public boolean isWheelchairSpace() {
        return access.contains(Accessibility.WHEELCHAIR);
    }

    /**
     * The usual id of a seat, {@code SECTION-ROW-NUMBER} (e.g. "STALLS-F-12"): readable on a
     * ticket or in a log, and unique as long as row labels are unique in a section and seat numbers
     * in a row. Venue files may leave out seat ids that follow it.
     */
    public static String standardId(String sectionId, String rowLabel, String number) {
        return sectionId + "-" + rowLabel + "-" + number;
    }
}

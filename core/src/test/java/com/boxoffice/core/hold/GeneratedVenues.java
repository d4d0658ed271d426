package com.boxoffice.core.hold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Point;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueKind;

/**
 * Houses larger than {@link TestSeating}, built by rule: sections of rows, each row cut by two
 * aisles into three blocks, categories A (front rows), B and C (back), and in every fifth row two
 * wheelchair spaces with a companion seat at the start of the row.
 */
final class GeneratedVenues {

    private GeneratedVenues() {
    }

    /**
     * @param distinctRanks give every block its own best rank, so that the search order of blocks
     *                      never depends on how ties are broken
     */
    static Venue house(String id, int sections, int rows, int seatsPerRow, boolean distinctRanks) {
        int cut1 = seatsPerRow / 3;
        int cut2 = 2 * seatsPerRow / 3;
        List<Section> out = new ArrayList<>();
        for (int sec = 0; sec < sections; sec++) {
            List<Row> rowList = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                String category = r < rows / 5 ? "A" : r < rows * 3 / 5 ? "B" : "C";
                List<Seat> seats = new ArrayList<>();
                for (int s = 0; s < seatsPerRow; s++) {
                    int part = s < cut1 ? 0 : s < cut2 ? 1 : 2;
                    int partStart = part == 0 ? 0 : part == 1 ? cut1 : cut2;
                    int partEnd = part == 0 ? cut1 : part == 1 ? cut2 : seatsPerRow;
                    int fromCentre = Math.abs(2 * s - (partStart + partEnd - 1));
                    int rank = distinctRanks
                            ? ((sec * rows + r) * 3 + part) * 1000 + fromCentre
                            : r * 1000 + Math.abs(sec - sections / 2) * 100 + (part == 1 ? 0 : 50) + fromCentre;
                    Set<Accessibility> access = Set.of();
                    if (r % 5 == 4 && s < 2) {
                        access = Set.of(Accessibility.WHEELCHAIR);
                    } else if (r % 5 == 4 && s == 2) {
                        access = Set.of(Accessibility.COMPANION);
                    }
                    String seatId = "S" + sec + "-R" + r + "-" + (s + 1);
                    seats.add(new Seat(seatId, String.valueOf(s + 1), s, r, category, rank, access,
                            s == cut1 - 1 || s == cut2 - 1));
                }
                rowList.add(new Row("R" + r, seats));
            }
            out.add(new Section("S" + sec, "Section " + sec, List.of(new Point(0, 0), new Point(1, 0), new Point(1, 1)),
                    rowList));
        }
        return new Venue(id, id, VenueKind.ARENA,
                List.of(new PriceCategory("A", "Front", "#aa0000"), new PriceCategory("B", "Middle", "#00aa00"),
                        new PriceCategory("C", "Back", "#0000aa")), out);
    }

    /** A performance at the given venue with the test hold policy and a new id. */
    static Performance performanceAt(String venueId, int perBuyerLimit) {
        String id = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Performance(id, venueId, "Generated Show", TestSeating.START.plus(Duration.ofDays(7)),
                TestSeating.START.minus(Duration.ofDays(30)), TestSeating.START.plus(Duration.ofDays(7)),
                List.of(new PriceTier("A", "Front", 9000, "EUR"), new PriceTier("B", "Middle", 6000, "EUR"),
                        new PriceTier("C", "Back", 3000, "EUR")),
                TestSeating.HOLDS, perBuyerLimit, OfflinePolicy.ALLOCATED_ONLY);
    }
}

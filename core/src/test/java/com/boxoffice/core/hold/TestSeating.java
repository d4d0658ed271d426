package com.boxoffice.core.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.boxoffice.core.performance.HoldPolicy;
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
 * A small, fully known house for hold tests.
 *
 * <pre>
 * STALLS rows A..E, seats 1..12, an aisle between 6 and 7; rows A, B in category A, C..E in B.
 *   Rank grows by 100 a row and by the distance from the aisle, so are the best seats.
 * BALCONY rows A, B, seats 1..8 in category C. BALCONY-A-1 and -2 are wheelchair spaces,
 *   BALCONY-A-3 a companion seat.
 * </pre>
 */
public final class TestSeating {

    public static final Instant START = Instant.parse("2026-12-01T18:00:00Z");
    public static final HoldPolicy HOLDS = new HoldPolicy(Duration.ofMinutes(5), Duration.ofMinutes(4),
            Duration.ofMinutes(10), Duration.ZERO, 2);

    private TestSeating() {
    }

    public static Venue venue() {
        List<Row> stalls = new ArrayList<>();
        for (char r = 'A'; r <= 'E'; r++) {
            List<Seat> seats = new ArrayList<>();
            int rowNo = r - 'A';
            for (int s = 1; s <= 12; s++) {
                int fromAisle = s <= 6 ? 6 - s : s - 7;
                seats.add(new Seat("STALLS-" + r + "-" + s, String.valueOf(s), s, rowNo, rowNo < 2 ? "A" : "B",
                        rowNo * 100 + fromAisle, s == 6 || s == 7 ? EnumSet.of(Accessibility.AISLE) : Set.of(), s == 6));
            }
            stalls.add(new Row(String.valueOf(r), seats));
        }
        List<Row> balcony = new ArrayList<>();
        for (char r = 'A'; r <= 'B'; r++) {
            List<Seat> seats = new ArrayList<>();
            for (int s = 1; s <= 8; s++) {
                Set<Accessibility> access = Set.of();
                if (r == 'A' && s <= 2) {
                    access = Set.of(Accessibility.WHEELCHAIR);
                } else if (r == 'A' && s == 3) {
                    access = Set.of(Accessibility.COMPANION);
                }
                seats.add(new Seat("BALCONY-" + r + "-" + s, String.valueOf(s), s, 10 + (r - 'A'), "C",
                        1000 + (r - 'A') * 100 + s, access, false));
            }
            balcony.add(new Row(String.valueOf(r), seats));
        }
        return new Venue("test-house", "Test House", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Front", "#aa0000"), new PriceCategory("B", "Back", "#00aa00"),
                        new PriceCategory("C", "Balcony", "#0000aa")),
                List.of(new Section("STALLS", "Stalls", square(0, -1, 14, 6), stalls),
                        new Section("BALCONY", "Balcony", square(0, 9, 10, 12), balcony)));
    }

    /**
     * A plain house of {@code rows} rows of {@code perRow} seats, no aisles, the front third in
     * category A, the next third in B, the rest in C; rank grows with the row and the distance from
     * the row's centre. Used where size matters more than shape.
     */
    public static Venue grid(String id, int rows, int perRow) {
        List<Row> rowList = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String category = r < rows / 3 ? "A" : r < 2 * rows / 3 ? "B" : "C";
            List<Seat> seats = new ArrayList<>(perRow);
            for (int s = 0; s < perRow; s++) {
                int fromCentre = Math.abs(2 * s - (perRow - 1));
                seats.add(new Seat("G-" + r + "-" + s, String.valueOf(s + 1), s, r, category,
                        r * 1000 + fromCentre, Set.of(), false));
            }
            rowList.add(new Row(String.valueOf(r + 1), seats));
        }
        return new Venue(id, "Grid " + rows + "x" + perRow, VenueKind.OTHER,
                List.of(new PriceCategory("A", "Front", "#aa0000"), new PriceCategory("B", "Middle", "#00aa00"),
                        new PriceCategory("C", "Back", "#0000aa")),
                List.of(new Section("G", "Grid", square(-1, -1, perRow, rows), rowList)));
    }

    /** A performance of {@link #grid} venue {@code venueId}, with a new id every call. */
    public static Performance performanceAt(String venueId, int perBuyerLimit) {
        Performance p = performance(perBuyerLimit);
        return new Performance(p.id(), venueId, p.title(), p.startsAt(), p.saleOpens(), p.saleCloses(), p.tiers(),
                p.holds(), p.perBuyerLimit(), p.offlinePolicy());
    }

    private static List<Point> square(double x0, double y0, double x1, double y1) {
        return List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    }

    /**
     * A new performance id for every call, so tests sharing a Redis never see each other's seats.
     * Its sale window is open at any time a test's clock may show.
     */
    public static Performance performance(int perBuyerLimit) {
        return performance(perBuyerLimit, Instant.EPOCH, START.plus(Duration.ofDays(36500)));
    }

    /** As {@link #performance(int)}, on sale only from {@code opens} until {@code closes}. */
    public static Performance performance(int perBuyerLimit, Instant opens, Instant closes) {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Performance(id, "test-house", "Test Show", closes, opens, closes,
                List.of(new PriceTier("A", "Front", 6000, "EUR"), new PriceTier("B", "Back", 4000, "EUR"),
                        new PriceTier("C", "Balcony", 2500, "EUR")),
                HOLDS, perBuyerLimit, OfflinePolicy.ALLOCATED_ONLY);
    }
}

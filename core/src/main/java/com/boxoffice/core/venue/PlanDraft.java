package com.boxoffice.core.venue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seating plan under construction: mutable, so that a layout can place seats first and decide
 * ranks and price categories once it can see the whole house.
 *
 * <p>Each seat carries a sight-line score (lower is better) set by the layout. {@link #build()}
 * turns the scores into ranks 1, 2, 3... over the whole venue, so that "best available" has a
 * strict order to follow and equal scores are still broken the same way every time.
 */
final class PlanDraft {

    /** Worth of being near the middle of a row, in score per metre from the middle. */
    private static final double ROW_MIDDLE_WEIGHT = 0.1;

    private final String id;
    private final String name;
    private final VenueKind kind;
    private final List<PriceCategory> categories;
    final List<SectionDraft> sections = new ArrayList<>();

    PlanDraft(String id, String name, VenueKind kind, List<PriceCategory> categories) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.categories = categories;
    }

    SectionDraft section(String sectionId, String sectionName) {
        SectionDraft section = new SectionDraft(sectionId, sectionName);
        sections.add(section);
        return section;
    }

    /**
     * Prices whole sections by how good their seats are on average: the best sections, holding
     * about {@code shares[0]} of all seats, get the first category, and so on. Used where a house
     * is sold by section, as arenas and stadiums usually are.
     */
    void priceSectionsBySightLines(double[] shares) {
        Map<SectionDraft, Double> meanScores = new HashMap<>();
        for (SectionDraft section : sections) {
            meanScores.put(section, section.meanScore());
        }
        List<SectionDraft> byQuality = new ArrayList<>(sections);
        byQuality.sort((a, b) -> {
            int byScore = Double.compare(meanScores.get(a), meanScores.get(b));
            return byScore != 0 ? byScore : a.id.compareTo(b.id);
        });
        double total = 0;
        for (SectionDraft section : sections) {
            total += section.seatCount();
        }
        double before = 0;
        for (SectionDraft section : byQuality) {
            double middle = (before + section.seatCount() / 2.0) / total;
            int band = 0;
            double bound = shares[0];
            while (middle > bound && band < shares.length - 1) {
                bound += shares[++band];
            }
            String code = categories.get(band).code();
            for (RowDraft row : section.rows) {
                for (SeatDraft seat : row.seats) {
                    seat.category = code;
                }
            }
            before += section.seatCount();
        }
    }

    Venue build() {
        List<SeatDraft> all = new ArrayList<>();
        for (SectionDraft section : sections) {
            for (RowDraft row : section.rows) {
                for (SeatDraft seat : row.seats) {
                    seat.id = Seat.standardId(section.id, row.label, seat.number);
                    all.add(seat);
                }
            }
        }
        all.sort((a, b) -> {
            int byScore = Double.compare(a.score, b.score);
            return byScore != 0 ? byScore : a.id.compareTo(b.id); // mirror-image seats score the same
        });
        for (int i = 0; i < all.size(); i++) {
            all.get(i).rank = i + 1;
        }
        List<Section> built = new ArrayList<>(sections.size());
        for (SectionDraft section : sections) {
            List<Row> rows = new ArrayList<>(section.rows.size());
            for (RowDraft row : section.rows) {
                List<Seat> seats = new ArrayList<>(row.seats.size());
                for (SeatDraft seat : row.seats) {
                    seats.add(new Seat(seat.id, seat.number, round(seat.x), round(seat.y), seat.category, seat.rank,
                            seat.access.isEmpty() ? Set.of() : seat.access, seat.aisleAfter));
                }
                rows.add(new Row(row.label, seats));
            }
            List<Point> outline = new ArrayList<>(section.outline.size());
            for (Point p : section.outline) {
                outline.add(new Point(round(p.x()), round(p.y())));
            }
            built.add(new Section(section.id, section.name, outline, rows));
        }
        return new Venue(id, name, kind, categories, built);
    }

    /** To the centimetre: finer is meaningless for a seat and would only make files bigger. */
    static double round(double metres) {
        return Math.round(metres * 100) / 100.0;
    }

    static final class SectionDraft {
        final String id;
        final String name;
        final List<RowDraft> rows = new ArrayList<>();
        List<Point> outline = List.of();

        private SectionDraft(String id, String name) {
            this.id = id;
            this.name = name;
        }

        RowDraft row(String label) {
            RowDraft row = new RowDraft(label);
            rows.add(row);
            return row;
        }

        int seatCount() {
            int count = 0;
            for (RowDraft row : rows) {
                count += row.seats.size();
            }
            return count;
        }

        double meanScore() {
            double sum = 0;
            int count = 0;
            for (RowDraft row : rows) {
                for (SeatDraft seat : row.seats) {
                    sum += seat.score;
                    count++;
                }
            }
            return count == 0 ? Double.MAX_VALUE : sum / count;
        }
    }

    static final class RowDraft {
        final String label;
        final List<SeatDraft> seats = new ArrayList<>();

        private RowDraft(String label) {
            this.label = label;
        }

        SeatDraft seat(double x, double y, String category, double score) {
            SeatDraft seat = new SeatDraft(Integer.toString(seats.size() + 1), x, y, category, score);
            seats.add(seat);
            return seat;
        }

        /**
         * Completes the row once all its seats are placed: marks the seats on either side of each
         * aisle, and makes seats nearer the middle of the row score better, since people prefer
         * not to look at the stage or pitch sideways from the end of a row.
         *
         * @param aisleAtStart whether an aisle runs past the first seat
         * @param aisleAtEnd   whether an aisle runs past the last seat
         */
        void finish(boolean aisleAtStart, boolean aisleAtEnd) {
            if (seats.isEmpty()) {
                return;
            }
            double[] along = new double[seats.size()];
            for (int i = 1; i < seats.size(); i++) {
                SeatDraft a = seats.get(i - 1);
                SeatDraft b = seats.get(i);
                along[i] = along[i - 1] + DemoVenues.distance(b.x - a.x, b.y - a.y);
                if (a.aisleAfter) {
                    a.markAisle();
                    b.markAisle();
                }
            }
            if (aisleAtStart) {
                seats.getFirst().markAisle();
            }
            if (aisleAtEnd) {
                seats.getLast().markAisle();
            }
            double middle = along[along.length - 1] / 2;
            for (int i = 0; i < seats.size(); i++) {
                seats.get(i).score += ROW_MIDDLE_WEIGHT * Math.abs(along[i] - middle);
            }
        }
    }

    static final class SeatDraft {
        final String number;
        final double x;
        final double y;
        final EnumSet<Accessibility> access = EnumSet.noneOf(Accessibility.class);
        String category;
        double score;
        boolean aisleAfter;
        String id;
        int rank;

        private SeatDraft(String number, double x, double y, String category, double score) {
            this.number = number;
            this.x = x;
            this.y = y;
            this.category = category;
            this.score = score;
        }

        /** Wheelchair spaces are reached step-free anyway and are not sold as aisle seats. */
        void markAisle() {
            if (!access.contains(Accessibility.WHEELCHAIR)) {
                access.add(Accessibility.AISLE);
            }
        }
    }
}

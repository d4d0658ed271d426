package com.boxoffice.core.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import com.boxoffice.core.venue.PlanDraft.RowDraft;
import com.boxoffice.core.venue.PlanDraft.SeatDraft;
import com.boxoffice.core.venue.PlanDraft.SectionDraft;

/**
 * Three realistic venues (a theatre, an arena and a stadium) for demonstrations, load tests and
 * development, so that the hold engine, the seat map and sales can be tried at real sizes without
 * anyone's real plan.
 *
 * <p>The plans are built from geometry in metres, not drawn, and are the same on every run (no
 * randomness), so tests and benchmarks can rely on seat ids and counts. They follow the rules the
 * hold engine relies on: seats are listed in physical order along each row, ids are
 * {@code SECTION-ROW-NUMBER}, a row's seats of one category sit together, ranks are better nearer
 * the stage or pitch and the middle of a row and worse for restricted views, and every wheelchair
 * space has a companion seat right next to it.
 *
 * <p>Map coordinates: x to the right, y down the page away from the stage or pitch. In the
 * theatre the circle and balcony are drawn behind the stalls, as on a printed seating plan, rather
 * than above them.
 */
public final class DemoVenues {

    // ------------------------------------------------------------------ theatre

    /** Rows of the theatre fan are arcs around this point on the stage, so every seat faces it. */
    private static final double FAN_CENTRE_Y = -6.0;
    /** Where people look in the theatre: the middle of the stage (the stage front is y = 0). */
    private static final double STAGE_CENTRE_Y = -4.0;
    private static final double THEATRE_SEAT_WIDTH = 0.52;
    /** Half the width of an aisle: 1.1 m aisles, enough to pass a seated row. */
    private static final double AISLE_HALF_WIDTH = 0.55;
    /** Restricted views sell last: as bad as sitting 25 m further back. */
    private static final double RESTRICTED_VIEW_PENALTY = 25.0;

    // ------------------------------------------------------------------ arena and stadium

    private static final double BOWL_SEAT_WIDTH = 0.5;
    /** Aisles between bowl sections, halved: each section gives up this much at each side. */
    private static final double BOWL_AISLE_HALF_WIDTH = 0.6;
    private static final double WHEELCHAIR_SPACE_WIDTH = 0.9;
    /** Front edge of the arena stage, which faces down the floor (+y). */
    private static final double ARENA_STAGE_FRONT_Y = -8.0;

    private DemoVenues() {
    }

    /** The three demo venues: theatre, arena, stadium. */
    public static List<Venue> all() {
        return List.of(theatre(), arena(), stadium());
    }

    /**
     * A proscenium theatre of about 1,200 seats: stalls in curved rows fanned around the stage,
     * a circle and a balcony behind, and four boxes beside the stage. Wide rows are split by two
     * aisles (one in the balcony); the rear stalls rows have wheelchair spaces at both ends with a
     * companion seat beside each; the far sides of the balcony have restricted views.
     */
    public static Venue theatre() {
        PlanDraft plan = new PlanDraft("demo-theatre", "Demo Theatre", VenueKind.THEATRE, List.of(
                new PriceCategory("A", "Premium", "#8e2c48"),
                new PriceCategory("B", "Standard", "#2c5f8e"),
                new PriceCategory("C", "Value", "#3f8e2c"),
                new PriceCategory("D", "Economy", "#a07a1e")));
        Sightline view = (x, y) -> distance(x, y - STAGE_CENTRE_Y) + 0.3 * Math.abs(x);

        fan(plan, "STALLS", "Stalls", view, new Fan(9.0, 0.95, 18, Math.toRadians(50), 10.8, 1.0,
                new double[] {-4.2, 4.2}, row -> row < 2 ? "B" : row < 11 ? "A" : row < 16 ? "B" : "C",
                Double.POSITIVE_INFINITY, row -> row >= 12));
        fan(plan, "CIRCLE", "Circle", view, new Fan(29.0, 0.9, 8, Math.toRadians(42), 11.5, Double.NEGATIVE_INFINITY,
                new double[] {-5.0, 5.0}, row -> row < 3 ? "A" : row < 6 ? "B" : "C",
                Double.POSITIVE_INFINITY, row -> false));
        fan(plan, "BALCONY", "Balcony", view, new Fan(40.0, 0.85, 6, Math.toRadians(40), 11.0, Double.NEGATIVE_INFINITY,
                new double[] {0.0}, row -> row < 3 ? "C" : "D",
                8.6, row -> false));
        box(plan, "BOX-A", "Box A", -1, 0.0, view);
        box(plan, "BOX-B", "Box B", -1, 2.8, view);
        box(plan, "BOX-C", "Box C", 1, 0.0, view);
        box(plan, "BOX-D", "Box D", 1, 2.8, view);
        return plan.build();
    }

    /**
     * An arena of about 18,000 seats set for a concert: the stage at the top end of a 60 m floor
     * with six blocks of floor seating in front of it, and a lower and an upper bowl of sections
     * round the other three sides (the bowl behind the stage is not sold). Some lower-bowl sections
     * have a wheelchair platform behind their last row.
     */
    public static Venue arena() {
        PlanDraft plan = new PlanDraft("demo-arena", "Demo Arena", VenueKind.ARENA, List.of(
                new PriceCategory("A", "Gold", "#b8860b"),
                new PriceCategory("B", "Silver", "#7a7a8c"),
                new PriceCategory("C", "Bronze", "#a0522d"),
                new PriceCategory("D", "Standard", "#2c5f8e"),
                new PriceCategory("E", "Value", "#3f8e2c")));
        Sightline view = (x, y) -> {
            double distance = distance(x, y - ARENA_STAGE_FRONT_Y);
            double facing = (y - ARENA_STAGE_FRONT_Y) / distance; // 1 straight ahead of the stage, 0 beside it
            return distance + 12 * (1 - facing);
        };

        String[] blocks = {"A", "B", "C", "D", "E", "F"};
        for (int b = 0; b < blocks.length; b++) {
            double left = -26 + (b % 3) * 18;
            double front = b < 3 ? -5.0 : 5.5;
            floorBlock(plan, "FLOOR-" + blocks[b], "Floor " + blocks[b], left, left + 16, front, 10, view);
        }
        Oval floorEdge = Oval.roundedRectangle(31, 16, 8);
        Predicate<Point> notBehindStage = normal -> normal.y() > -0.5;
        bowl(plan, floorEdge, new Tier("Lower", 101, 24, 0.8, 0.85, 22), view, notBehindStage,
                section -> section % 3 == 1);
        bowl(plan, floorEdge, new Tier("Upper", 201, 28, 23.5, 0.8, 22), view, notBehindStage,
                section -> false);
        plan.priceSectionsBySightLines(new double[] {0.10, 0.20, 0.30, 0.25, 0.15});
        return plan.build();
    }

    /**
     * A football stadium of about 70,000 seats: lower, middle and upper tiers of wedge-shaped
     * sections in an oval round the pitch, rows curving with the bowl. Every fourth lower-tier
     * section has a wheelchair platform behind its last row.
     */
    public static Venue stadium() {
        PlanDraft plan = new PlanDraft("demo-stadium", "Demo Stadium", VenueKind.STADIUM, List.of(
                new PriceCategory("A", "Category 1", "#8e2c48"),
                new PriceCategory("B", "Category 2", "#b8860b"),
                new PriceCategory("C", "Category 3", "#2c5f8e"),
                new PriceCategory("D", "Category 4", "#3f8e2c"),
                new PriceCategory("E", "Category 5", "#7a7a8c"),
                new PriceCategory("F", "Category 6", "#a0522d")));
        // the halfway line is the best place to watch from, behind the goals the worst
        Sightline view = (x, y) -> distance(x, y) + 0.25 * Math.abs(x);
        Oval pitchEdge = Oval.ellipse(60, 43);
        bowl(plan, pitchEdge, new Tier("Lower", 101, 28, 1.5, 0.8, 26), view, normal -> true,
                section -> section % 4 == 2);
        bowl(plan, pitchEdge, new Tier("Middle", 201, 32, 26.0, 0.85, 15), view, normal -> true, section -> false);
        bowl(plan, pitchEdge, new Tier("Upper", 301, 36, 42.0, 0.9, 30), view, normal -> true, section -> false);
        plan.priceSectionsBySightLines(new double[] {0.08, 0.17, 0.20, 0.20, 0.20, 0.15});
        return plan.build();
    }

    // ------------------------------------------------------------------ theatre parts

    /** How good the view from a map position is: lower is better (roughly metres from the action). */
    @FunctionalInterface
    private interface Sightline {
        double score(double x, double y);
    }

    /**
     * A fan of rows: arcs around the fan centre, widening towards the back until the side walls.
     *
     * @param firstRadius       radius of the front row from the fan centre
     * @param maxAngle          how far either side of the centre line rows may reach
     * @param halfWidth         side walls at x = -halfWidth and x = halfWidth
     * @param frontY            seats may not be nearer the stage than this (the stage front is y = 0)
     * @param aisleXs           x where aisles run straight back; an aisle only splits rows wide
     *                          enough to keep at least three seats beyond it
     * @param restrictedBeyondX seats further than this from the centre line have a restricted view
     * @param wheelchairRow     rows with a wheelchair space and companion seat at each end
     */
    private record Fan(double firstRadius, double rowPitch, int rows, double maxAngle, double halfWidth, double frontY,
                       double[] aisleXs, IntFunction<String> category, double restrictedBeyondX,
                       IntPredicate wheelchairRow) {
    }

    private static void fan(PlanDraft plan, String id, String name, Sightline view, Fan fan) {
        SectionDraft section = plan.section(id, name);
        String[] labels = rowLetters(fan.rows());
        double[] leftEdge = new double[fan.rows()];
        double[] rightEdge = new double[fan.rows()];
        double[] radius = new double[fan.rows()];
        double margin = THEATRE_SEAT_WIDTH / 2 + 0.15;
        for (int i = 0; i < fan.rows(); i++) {
            double r = fan.firstRadius() + i * fan.rowPitch();
            radius[i] = r;
            double reach = Math.min(fan.maxAngle(), Math.asin(Math.min(1, fan.halfWidth() / r)));
            double nearest = (fan.frontY() - FAN_CENTRE_Y) / r;
            if (nearest > -1 && nearest < 1) {
                reach = Math.min(reach, Math.acos(nearest));
            }
            double rowHalfWidth = r * Math.sin(reach);
            List<Double> bounds = new ArrayList<>();
            bounds.add(-reach);
            for (double aisleX : fan.aisleXs()) {
                if (rowHalfWidth - Math.abs(aisleX) - AISLE_HALF_WIDTH >= 3 * THEATRE_SEAT_WIDTH) {
                    bounds.add(Math.asin(aisleX / r));
                }
            }
            bounds.add(reach);

            RowDraft row = section.row(labels[i]);
            String category = fan.category().apply(i);
            for (int b = 0; b + 1 < bounds.size(); b++) {
                double from = bounds.get(b) + (b > 0 ? AISLE_HALF_WIDTH / r : 0);
                double to = bounds.get(b + 1) - (b + 2 < bounds.size() ? AISLE_HALF_WIDTH / r : 0);
                int seats = (int) Math.floor(r * (to - from) / THEATRE_SEAT_WIDTH + 1e-9);
                double step = THEATRE_SEAT_WIDTH / r;
                double first = (from + to) / 2 - (seats - 1) * step / 2;
                for (int k = 0; k < seats; k++) {
                    double angle = first + k * step;
                    double x = r * Math.sin(angle);
                    double y = FAN_CENTRE_Y + r * Math.cos(angle);
                    SeatDraft seat = row.seat(x, y, category, view.score(x, y));
                    if (Math.abs(x) > fan.restrictedBeyondX()) {
                        seat.access.add(Accessibility.RESTRICTED_VIEW);
                        seat.score += RESTRICTED_VIEW_PENALTY;
                    }
                }
                if (seats > 0 && b + 2 < bounds.size()) {
                    row.seats.getLast().aisleAfter = true;
                }
            }
            if (fan.wheelchairRow().test(i)) {
                List<SeatDraft> seats = row.seats;
                seats.getFirst().access.add(Accessibility.WHEELCHAIR);
                seats.get(1).access.add(Accessibility.COMPANION);
                seats.get(seats.size() - 2).access.add(Accessibility.COMPANION);
                seats.getLast().access.add(Accessibility.WHEELCHAIR);
            }
            row.finish(true, true); // side aisles run along both walls
            leftEdge[i] = Math.atan2(row.seats.getFirst().x, row.seats.getFirst().y - FAN_CENTRE_Y) - margin / r;
            rightEdge[i] = Math.atan2(row.seats.getLast().x, row.seats.getLast().y - FAN_CENTRE_Y) + margin / r;
        }
        section.outline = fanOutline(radius, leftEdge, rightEdge, fan.rowPitch() / 2);
    }

    /** Front arc, stepped right side, back arc, stepped left side: hugs rows of differing widths. */
    private static List<Point> fanOutline(double[] radius, double[] left, double[] right, double halfPitch) {
        List<Point> outline = new ArrayList<>();
        int last = radius.length - 1;
        arc(outline, radius[0] - halfPitch, left[0], right[0]);
        for (int i = 0; i <= last; i++) {
            outline.add(polar(radius[i] - halfPitch, right[i]));
            outline.add(polar(radius[i] + halfPitch, right[i]));
        }
        arc(outline, radius[last] + halfPitch, right[last], left[last]);
        for (int i = last; i >= 0; i--) {
            outline.add(polar(radius[i] + halfPitch, left[i]));
            outline.add(polar(radius[i] - halfPitch, left[i]));
        }
        return outline;
    }

    private static void arc(List<Point> outline, double radius, double from, double to) {
        int pieces = Math.max(2, (int) Math.ceil(Math.abs(to - from) / Math.toRadians(2)));
        for (int i = 0; i <= pieces; i++) {
            outline.add(polar(radius, from + (to - from) * i / pieces));
        }
    }

    private static Point polar(double radius, double angle) {
        return new Point(radius * Math.sin(angle), FAN_CENTRE_Y + radius * Math.cos(angle));
    }

    /**
     * A box beside the stage: two short rows running back from the stage, the front one at the
     * balustrade.
     *
     * @param side -1 for the left of the house, 1 for the right
     */
    private static void box(PlanDraft plan, String id, String name, int side, double top, Sightline view) {
        SectionDraft section = plan.section(id, name);
        String[] labels = {"A", "B"};
        for (int r = 0; r < labels.length; r++) {
            RowDraft row = section.row(labels[r]);
            double x = side * (13.1 + r * 1.0);
            for (int k = 0; k < 3; k++) {
                double y = top + 0.5 + k * 0.7;
                row.seat(x, y, "A", view.score(x, y));
            }
            row.finish(false, false);
        }
        double inner = side * 12.6;
        double outer = side * 14.6;
        section.outline = List.of(new Point(inner, top), new Point(outer, top),
                new Point(outer, top + 2.4), new Point(inner, top + 2.4));
    }

    /** Row letters as theatres print them: A, B, ... skipping I and O, which read as 1 and 0. */
    private static String[] rowLetters(int count) {
        String[] labels = new String[count];
        char letter = 'A';
        for (int i = 0; i < count; i++, letter++) {
            if (letter == 'I' || letter == 'O') {
                letter++;
            }
            labels[i] = String.valueOf(letter);
        }
        return labels;
    }

    // ------------------------------------------------------------------ arena and stadium parts

    /** A block of loose chairs on the arena floor in straight rows facing the stage. */
    private static void floorBlock(PlanDraft plan, String id, String name, double left, double right, double front,
                                   int rows, Sightline view) {
        SectionDraft section = plan.section(id, name);
        double pitch = 0.9;
        int seats = (int) Math.floor((right - left) / BOWL_SEAT_WIDTH);
        for (int j = 0; j < rows; j++) {
            RowDraft row = section.row(Integer.toString(j + 1));
            double y = front + j * pitch;
            for (int k = 0; k < seats; k++) {
                double x = left + BOWL_SEAT_WIDTH / 2 + k * BOWL_SEAT_WIDTH;
                row.seat(x, y, null, view.score(x, y));
            }
            row.finish(true, true);
        }
        double back = front + (rows - 1) * pitch;
        section.outline = List.of(new Point(left - 0.3, front - 0.45), new Point(right + 0.3, front - 0.45),
                new Point(right + 0.3, back + 0.45), new Point(left - 0.3, back + 0.45));
    }

    /**
     * One tier of a bowl.
     *
     * @param slots       how many equal stretches of the bowl the tier is cut into; each sold one
     *                    is a section
     * @param firstOffset distance of the front row from the edge of the floor or pitch
     */
    private record Tier(String name, int firstNumber, int slots, double firstOffset, double rowPitch, int rows) {
    }

    /**
     * Lays out the sections of one tier round the oval, numbered clockwise from the top.
     *
     * @param sold       whether a stretch is sold, by its outward direction (its normal)
     * @param wheelchair which sections (counted from 0 within the tier) get a wheelchair platform
     */
    private static void bowl(PlanDraft plan, Oval base, Tier tier, Sightline view, Predicate<Point> sold,
                             IntPredicate wheelchair) {
        double slot = base.perimeter() / tier.slots();
        int count = 0;
        for (int k = 0; k < tier.slots(); k++) {
            double from = k * slot;
            double to = from + slot;
            if (!sold.test(base.normalAt((from + to) / 2))) {
                continue;
            }
            String id = Integer.toString(tier.firstNumber() + count);
            SectionDraft section = plan.section(id, tier.name() + " " + id);
            double back = tier.firstOffset() + (tier.rows() - 1) * tier.rowPitch();
            for (int j = 0; j < tier.rows(); j++) {
                RowDraft row = section.row(Integer.toString(j + 1));
                placeEvenly(row, base.path(from, to, tier.firstOffset() + j * tier.rowPitch(), 0.25), view);
                row.finish(true, true);
            }
            if (wheelchair.test(count)) {
                back += 1.5;
                RowDraft row = section.row("W");
                wheelchairPlatform(row, base.path(from, to, back, 0.25), view);
                row.finish(false, false);
            }
            List<Point> outline = new ArrayList<>(base.path(from, to, tier.firstOffset() - tier.rowPitch() / 2, 0.5));
            outline.addAll(base.path(from, to, back + tier.rowPitch() / 2, 0.5).reversed());
            section.outline = outline;
            count++;
        }
    }

    /** Fills a row's stretch of the bowl with seats, leaving half an aisle free at each end. */
    private static void placeEvenly(RowDraft row, List<Point> path, Sightline view) {
        PathWalker walker = new PathWalker(path);
        double usable = walker.length() - 2 * BOWL_AISLE_HALF_WIDTH;
        int seats = (int) Math.floor(usable / BOWL_SEAT_WIDTH);
        double first = BOWL_AISLE_HALF_WIDTH + (usable - seats * BOWL_SEAT_WIDTH) / 2 + BOWL_SEAT_WIDTH / 2;
        for (int k = 0; k < seats; k++) {
            Point at = walker.at(first + k * BOWL_SEAT_WIDTH);
            row.seat(at.x(), at.y(), null, view.score(at.x(), at.y()));
        }
    }

    /**
     * A platform behind the last row: two bays in the middle of the stretch, each two wheelchair
     * spaces between two companion seats, so that every wheelchair user has a companion beside
     * them.
     */
    private static void wheelchairPlatform(RowDraft row, List<Point> path, Sightline view) {
        double[] widths = new double[8];
        Accessibility[] kinds = new Accessibility[8];
        for (int bay = 0; bay < 2; bay++) {
            for (int k = 0; k < 4; k++) {
                boolean wheelchair = k == 1 || k == 2;
                widths[bay * 4 + k] = wheelchair ? WHEELCHAIR_SPACE_WIDTH : BOWL_SEAT_WIDTH;
                kinds[bay * 4 + k] = wheelchair ? Accessibility.WHEELCHAIR : Accessibility.COMPANION;
            }
        }
        double total = 0;
        for (double width : widths) {
            total += width;
        }
        PathWalker walker = new PathWalker(path);
        double position = (walker.length() - total) / 2;
        for (int k = 0; k < widths.length; k++) {
            Point at = walker.at(position + widths[k] / 2);
            row.seat(at.x(), at.y(), null, view.score(at.x(), at.y())).access.add(kinds[k]);
            position += widths[k];
        }
    }

    /** Length of a vector; plain square root, as {@link Math#hypot} is slow and guards nothing needed here. */
    static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * Walks along a path handing out points at increasing distances from its start, without going
     * back to the start for each one.
     */
    private static final class PathWalker {
        private final List<Point> path;
        private final double[] along;
        private int segment = 1;

        PathWalker(List<Point> path) {
            this.path = path;
            along = new double[path.size()];
            for (int i = 1; i < path.size(); i++) {
                along[i] = along[i - 1] + distance(path.get(i).x() - path.get(i - 1).x(),
                        path.get(i).y() - path.get(i - 1).y());
            }
        }

        double length() {
            return along[along.length - 1];
        }

        /** The point at the given distance from the start; distances must not decrease between calls. */
        Point at(double distance) {
            while (segment < along.length - 1 && along[segment] < distance) {
                segment++;
            }
            Point a = path.get(segment - 1);
            Point b = path.get(segment);
            double span = along[segment] - along[segment - 1];
            double f = span == 0 ? 0 : (distance - along[segment - 1]) / span;
            return new Point(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()));
        }
    }
}

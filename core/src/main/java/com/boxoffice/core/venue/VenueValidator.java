package com.boxoffice.core.venue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a venue is a usable seating plan before anything sells from it.
 *
 * <p>Seat ids end up in Redis keys, URLs and tickets, and the hold engine trusts that every seat
 * has exactly one id and one declared price category; a plan that breaks that would oversell or
 * fail at the window on the night. So a plan is checked as a whole when it is read, and every
 * problem is reported at once, each naming the seat, row or section to fix. The rules are listed
 * in {@code docs/venue-format.md}.
 */
public final class VenueValidator {

    /**
     * How far (metres) a seat centre may lie outside its section's outline. Outlines are drawn by
     * hand or rounded to centimetres, so seats on the edge must not be rejected; half a metre is
     * less than a seat width, so a seat put in the wrong section is still caught.
     */
    public static final double OUTLINE_TOLERANCE_METRES = 0.5;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final String ID_RULE = "may only contain letters, digits, '-' and '_'";

    private VenueValidator() {
    }

    /**
     * Throws if the venue has any problem.
     *
     * @throws InvalidVenueException listing every problem found
     */
    public static void validate(Venue venue) {
        List<String> problems = findProblems(venue);
        if (!problems.isEmpty()) {
            throw new InvalidVenueException(problems);
        }
    }

    /**
     * Every problem with the venue, in plan order; empty if it is fine. For tools that want to show
     * problems rather than stop on them.
     */
    public static List<String> findProblems(Venue venue) {
        List<String> problems = new ArrayList<>();
        checkId(problems, "The venue", venue.id());
        if (isBlank(venue.name())) {
            problems.add("The venue has no name.");
        }
        Set<String> declaredCategories = checkCategories(problems, venue.categories());
        if (venue.sections().isEmpty()) {
            problems.add("The venue has no sections.");
        }

        Map<String, Integer> sectionIds = new HashMap<>();
        Map<String, String> seatIds = new HashMap<>();
        for (int s = 0; s < venue.sections().size(); s++) {
            Section section = venue.sections().get(s);
            String where = sectionName(section, s);
            if (checkId(problems, capitalise(where), section.id())) {
                Integer first = sectionIds.putIfAbsent(section.id(), s);
                if (first != null) {
                    problems.add("Section id '" + section.id() + "' is used twice (sections #" + (first + 1)
                            + " and #" + (s + 1) + ").");
                }
            }
            if (isBlank(section.name())) {
                problems.add(capitalise(where) + " has no name.");
            }
            boolean outlineUsable = checkOutline(problems, where, section.outline());
            if (section.rows().isEmpty()) {
                problems.add(capitalise(where) + " has no rows.");
            }
            checkRows(problems, section, where, outlineUsable, declaredCategories, seatIds);
        }
        return problems;
    }

    private static Set<String> checkCategories(List<String> problems, List<PriceCategory> categories) {
        if (categories.isEmpty()) {
            problems.add("The venue declares no price categories.");
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            PriceCategory category = categories.get(c);
            String where = isBlank(category.code()) ? "Price category #" + (c + 1)
                    : "Price category '" + category.code() + "'";
            if (isBlank(category.code())) {
                problems.add(where + " has no code.");
            } else if (!ID.matcher(category.code()).matches()) {
                problems.add(where + ": the code " + ID_RULE + ".");
            } else {
                Integer first = codes.putIfAbsent(category.code(), c);
                if (first != null) {
                    problems.add("Price category code '" + category.code() + "' is declared twice (categories #"
                            + (first + 1) + " and #" + (c + 1) + ").");
                }
            }
            if (isBlank(category.name())) {
                problems.add(where + " has no name.");
            }
            if (category.color() == null || !COLOR.matcher(category.color()).matches()) {
                problems.add(where + " has colour " + quoted(category.color()) + "; it must be #rrggbb.");
            }
        }
        return codes.keySet();
    }

    /** @return whether the outline can be used to check seat positions */
    private static boolean checkOutline(List<String> problems, String where, List<Point> outline) {
        boolean usable = true;
        if (outline.size() < 3) {
            problems.add(capitalise(where) + " has an outline of " + outline.size()
                    + " points; it needs at least 3 to enclose its seats.");
            usable = false;
        }
        for (int p = 0; p < outline.size(); p++) {
            Point point = outline.get(p);
            if (!Double.isFinite(point.x()) || !Double.isFinite(point.y())) {
                problems.add(capitalise(where) + ": outline point #" + (p + 1) + " is not a finite coordinate.");
                usable = false;
            }
        }
        return usable;
    }

    private static void checkRows(List<String> problems, Section section, String sectionWhere, boolean outlineUsable,
                                  Set<String> declaredCategories, Map<String, String> seatIds) {
        Map<String, Integer> labels = new HashMap<>();
        for (int r = 0; r < section.rows().size(); r++) {
            Row row = section.rows().get(r);
            String rowWhere = rowName(row, r) + " in " + sectionWhere;
            if (isBlank(row.label())) {
                problems.add(capitalise(rowWhere) + " has no label.");
            } else {
                Integer first = labels.putIfAbsent(row.label(), r);
                if (first != null) {
                    problems.add("Row label '" + row.label() + "' is used twice in " + sectionWhere + " (rows #"
                            + (first + 1) + " and #" + (r + 1) + ").");
                }
            }
            if (row.seats().isEmpty()) {
                problems.add(capitalise(rowWhere) + " has no seats.");
            }
            Set<String> numbers = new HashSet<>();
            for (int n = 0; n < row.seats().size(); n++) {
                Seat seat = row.seats().get(n);
                String seatWhere = seatName(seat, n) + " in " + sectionWhere + ", " + rowName(row, r);
                String what = capitalise(seatWhere);
                if (checkId(problems, what, seat.id())) {
                    String previous = seatIds.putIfAbsent(seat.id(), sectionWhere + ", " + rowName(row, r));
                    if (previous != null) {
                        problems.add("Seat id '" + seat.id() + "' is used twice: in " + previous + " and in "
                                + sectionWhere + ", " + rowName(row, r) + ".");
                    }
                }
                if (isBlank(seat.number())) {
                    problems.add(what + " has no number.");
                } else if (!numbers.add(seat.number())) {
                    problems.add(what + ": seat number '" + seat.number() + "' appears twice in the row.");
                }
                if (isBlank(seat.category())) {
                    problems.add(what + " has no price category.");
                } else if (!declaredCategories.contains(seat.category())) {
                    problems.add(what + " has price category '" + seat.category()
                            + "', which the venue does not declare.");
                }
                if (seat.rank() < 0) {
                    problems.add(what + " has a negative rank (" + seat.rank() + "); ranks start at 0.");
                }
                if (!Double.isFinite(seat.x()) || !Double.isFinite(seat.y())) {
                    problems.add(what + " does not have a finite position.");
                } else if (outlineUsable) {
                    double outside = distanceOutside(section.outline(), seat.x(), seat.y());
                    if (outside > OUTLINE_TOLERANCE_METRES) {
                        problems.add(what + " at (" + metres(seat.x()) + ", " + metres(seat.y()) + ") lies "
                                + metres(outside) + " m outside the outline of " + sectionWhere + ".");
                    }
                }
            }
        }
    }

    /** @return whether the id is present and well formed, so it can be checked for uniqueness */
    private static boolean checkId(List<String> problems, String what, String id) {
        if (isBlank(id)) {
            problems.add(what + " has no id.");
            return false;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(what + ": id '" + id + "' " + ID_RULE + ".");
            return false;
        }
        return true;
    }

    /**
     * How far the point lies outside the polygon: 0 inside, otherwise the distance to the nearest
     * edge. Even-odd rule, so it also works for outlines that are not convex (a fan of curved rows).
     */
    static double distanceOutside(List<Point> polygon, double x, double y) {
        boolean inside = false;
        int n = polygon.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = polygon.get(i);
            Point b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y)
                    && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        if (inside) {
            return 0;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            nearest = Math.min(nearest, squaredDistanceToSegment(x, y, polygon.get(j), polygon.get(i)));
        }
        return Math.sqrt(nearest);
    }

    private static double squaredDistanceToSegment(double x, double y, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - a.x()) * dx + (y - a.y()) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = x - (a.x() + t * dx);
        double ey = y - (a.y() + t * dy);
        return ex * ex + ey * ey;
    }

    static String sectionName(Section section, int index) {
        if (!isBlank(section.id())) {
            return "section '" + section.id() + "'";
        }
        return "section #" + (index + 1) + (isBlank(section.name()) ? "" : " ('" + section.name() + "')");
    }

    static String rowName(Row row, int index) {
        return isBlank(row.label()) ? "row #" + (index + 1) : "row '" + row.label() + "'";
    }

    static String seatName(Seat seat, int index) {
        if (!isBlank(seat.id())) {
            return "seat '" + seat.id() + "'";
        }
        return "seat #" + (index + 1) + (isBlank(seat.number()) ? "" : " (number '" + seat.number() + "')");
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String quoted(String text) {
        return text == null ? "(none)" : "'" + text + "'";
    }

    private static String metres(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

package com.boxoffice.ui.seatmap;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Point;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

/**
 * What the seat map draws, in flat arrays indexed like {@link SeatLayout} (so a state string or a
 * change-feed entry applies by index with no look-up): each seat's position in venue metres, its
 * price category, row, number and accessibility. Rows and sections are held once and shared by
 * their seats; seats of a section are contiguous, as in the layout.
 *
 * <p>A grid of buckets over the house, built once, finds the seats in a rectangle or nearest a point
 * without looking at every seat.
 */
public final class SeatMapData {

    private static final Accessibility[] ACCESS = Accessibility.values();
    private static final double CELL = 4.0;

    private final float[] x;
    private final float[] y;
    private final byte[] category;
    private final byte[] access;
    private final int[] row;
    private final String[] id;
    private final String[] number;
    private final String[] rowLabel;
    private final int[] rowSection;
    private final String[] sectionName;
    private final int[] sectionStart;
    private final double[][] outlineX;
    private final double[][] outlineY;
    private final List<PriceCategory> categories;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int columns;
    private final int gridRows;
    private final int[] cellStart;
    private final int[] cellSeats;
    private Map<String, Integer> byId;

    private SeatMapData(Builder b, List<PriceCategory> categories) {
        this.x = b.x;
        this.y = b.y;
        this.category = b.category;
        this.access = b.access;
        this.row = b.row;
        this.id = b.id;
        this.number = b.number;
        this.rowLabel = b.rowLabel;
        this.rowSection = b.rowSection;
        this.sectionName = b.sectionName;
        this.sectionStart = b.sectionStart;
        this.outlineX = b.outlineX;
        this.outlineY = b.outlineY;
        this.categories = List.copyOf(categories);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        if (x.length == 0) {
            x0 = y0 = x1 = y1 = 0;
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
        this.columns = (int) ((x1 - x0) / CELL) + 1;
        this.gridRows = (int) ((y1 - y0) / CELL) + 1;
        int[] count = new int[columns * gridRows + 1];
        for (int i = 0; i < x.length; i++) {
            count[cellOf(i) + 1]++;
        }
        for (int c = 1; c < count.length; c++) {
            count[c] += count[c - 1];
        }
        this.cellStart = count.clone();
        this.cellSeats = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            cellSeats[count[cellOf(i)]++] = i;
        }
    }

    private int cellOf(int seat) {
        return column(x[seat]) + gridRow(y[seat]) * columns;
    }

    private int column(double vx) {
        return Math.max(0, Math.min(columns - 1, (int) ((vx - minX) / CELL)));
    }

    private int gridRow(double vy) {
        return Math.max(0, Math.min(gridRows - 1, (int) ((vy - minY) / CELL)));
    }

    /** The venue's seats in the order of its {@link SeatLayout}. */
    public static SeatMapData of(Venue venue) {
        return new SeatMapData(new Builder(venue), venue.categories());
    }

    private static final class Builder {
        final float[] x;
        final float[] y;
        final byte[] category;
        final byte[] access;
        final int[] row;
        final String[] id;
        final String[] number;
        final String[] rowLabel;
        final int[] rowSection;
        final String[] sectionName;
        final int[] sectionStart;
        final double[][] outlineX;
        final double[][] outlineY;

        Builder(Venue venue) {
            int n = venue.seatCount();
            x = new float[n];
            y = new float[n];
            category = new byte[n];
            access = new byte[n];
            row = new int[n];
            id = new String[n];
            number = new String[n];
            int rows = venue.sections().stream().mapToInt(s -> s.rows().size()).sum();
            rowLabel = new String[rows];
            rowSection = new int[rows];
            int sections = venue.sections().size();
            sectionName = new String[sections];
            sectionStart = new int[sections + 1];
            outlineX = new double[sections][];
            outlineY = new double[sections][];
            Map<String, Integer> categoryIndex = new HashMap<>();
            for (PriceCategory c : venue.categories()) {
                categoryIndex.put(c.code(), categoryIndex.size());
            }
            int i = 0;
            int r = 0;
            for (int s = 0; s < sections; s++) {
                Section section = venue.sections().get(s);
                sectionName[s] = section.name();
                sectionStart[s] = i;
                List<Point> outline = section.outline();
                outlineX[s] = outline.stream().mapToDouble(Point::x).toArray();
                outlineY[s] = outline.stream().mapToDouble(Point::y).toArray();
                for (Row each : section.rows()) {
                    rowLabel[r] = each.label();
                    rowSection[r] = s;
                    for (Seat seat : each.seats()) {
                        x[i] = (float) seat.x();
                        y[i] = (float) seat.y();
                        category[i] = (byte) (int) categoryIndex.getOrDefault(seat.category(), 0);
                        int flags = 0;
                        for (Accessibility a : seat.access()) {
                            flags |= 1 << a.ordinal();
                        }
                        access[i] = (byte) flags;
                        row[i] = r;
                        id[i] = seat.id();
                        number[i] = seat.number();
                        i++;
                    }
                    r++;
                }
            }
            sectionStart[sections] = i;
        }
    }

    public int size() {
        return x.length;
    }

    public double x(int seat) {
        return x[seat];
    }

    public double y(int seat) {
        return y[seat];
    }

    public PriceCategory categoryOf(int seat) {
        return categories.get(category[seat]);
    }

    /** Position of the seat's category in {@link #categories()}. */
    public int categoryIndex(int seat) {
        return category[seat];
    }

    public List<PriceCategory> categories() {
        return categories;
    }

    /** The seat's id in the venue (e.g. "STALLS-F-12"), as the hold engine names it. */
    public String seatId(int seat) {
        return id[seat];
    }

    /** Index of the seat with this id, or -1 if the venue has none. */
    public int indexOf(String seatId) {
        if (byId == null) {
            Map<String, Integer> map = HashMap.newHashMap(id.length);
            for (int i = 0; i < id.length; i++) {
                map.put(id[i], i);
            }
            byId = map;
        }
        return byId.getOrDefault(seatId, -1);
    }

    /** Seat number as printed on the ticket. */
    public String number(int seat) {
        return number[seat];
    }

    /** Label of the seat's row as printed on the ticket. */
    public String rowLabel(int seat) {
        return rowLabel[row[seat]];
    }

    public Set<Accessibility> access(int seat) {
        EnumSet<Accessibility> out = EnumSet.noneOf(Accessibility.class);
        for (Accessibility a : ACCESS) {
            if ((access[seat] & (1 << a.ordinal())) != 0) {
                out.add(a);
            }
        }
        return out;
    }

    /** Index of the seat's section, in the venue's order. */
    public int sectionOf(int seat) {
        return rowSection[row[seat]];
    }

    public int sectionCount() {
        return sectionName.length;
    }

    public String sectionName(int section) {
        return sectionName[section];
    }

    /** First seat of the section; its seats run up to {@code sectionEnd(section)} (exclusive). */
    public int sectionStart(int section) {
        return sectionStart[section];
    }

    public int sectionEnd(int section) {
        return sectionStart[section + 1];
    }

    /** The section's outline polygon, x coordinates in venue metres (shared: do not change). */
    double[] outlineX(int section) {
        return outlineX[section];
    }

    double[] outlineY(int section) {
        return outlineY[section];
    }

    /** Told each seat found. */
    interface SeatVisitor {
        void seat(int seat);
    }

    /** Visits every seat whose centre may lie in the rectangle (whole buckets: callers check exactly). */
    void seatsNear(double x0, double y0, double x1, double y1, SeatVisitor visitor) {
        if (x.length == 0 || x1 < minX - CELL || y1 < minY - CELL || x0 > maxX + CELL || y0 > maxY + CELL) {
            return;
        }
        int c0 = column(x0);
        int c1 = column(x1);
        int r0 = gridRow(y0);
        int r1 = gridRow(y1);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = c + r * columns;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    visitor.seat(cellSeats[k]);
                }
            }
        }
    }

    /** The seat whose centre is nearest to the point and no further than {@code within} metres, or -1. */
    public int nearest(double vx, double vy, double within) {
        int[] best = {-1};
        double[] bestDistance = {within * within};
        seatsNear(vx - within, vy - within, vx + within, vy + within, seat -> {
            double dx = x[seat] - vx;
            double dy = y[seat] - vy;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance[0]) {
                bestDistance[0] = d;
                best[0] = seat;
            }
        });
        return best[0];
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double width() {
        return Math.max(1, maxX - minX);
    }

    public double height() {
        return Math.max(1, maxY - minY);
    }
}

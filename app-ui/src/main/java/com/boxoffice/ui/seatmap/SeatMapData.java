package com.boxoffice.ui.seatmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

/**
 * What the seat map draws, in flat arrays indexed like {@link SeatLayout} (so a state string or a
 * change-feed entry applies by index with no look-up): each seat's position in venue metres and its
 * price category.
 */
public final class SeatMapData {

    private final float[] x;
    private final float[] y;
    private final byte[] category;
    private final List<PriceCategory> categories;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    private SeatMapData(float[] x, float[] y, byte[] category, List<PriceCategory> categories) {
        this.x = x;
        this.y = y;
        this.category = category;
        this.categories = List.copyOf(categories);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    /** The venue's seats in the order of its {@link SeatLayout}. */
    public static SeatMapData of(Venue venue) {
        int n = venue.seatCount();
        float[] x = new float[n];
        float[] y = new float[n];
        byte[] category = new byte[n];
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (PriceCategory c : venue.categories()) {
            categoryIndex.put(c.code(), categoryIndex.size());
        }
        int i = 0;
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    x[i] = (float) seat.x();
                    y[i] = (float) seat.y();
                    category[i] = (byte) (int) categoryIndex.getOrDefault(seat.category(), 0);
                    i++;
                }
            }
        }
        return new SeatMapData(x, y, category, venue.categories());
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

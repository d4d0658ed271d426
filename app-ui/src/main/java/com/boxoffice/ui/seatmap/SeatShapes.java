package com.boxoffice.ui.seatmap;

import javafx.scene.paint.Color;

/**
 * Seat pictures that tell states apart by shape as well as colour, for staff who cannot tell the
 * colours apart: available is a filled circle in the price colour, held by this client a thick
 * ring with a dot, held by others a hollow circle struck through, sold a small square, blocked a
 * cross, allocated a diamond. Selected seats get a square outline. Below {@link #SHAPES_FROM} pixels
 * every seat is a plain square in its state's colour.
 *
 * <p>Pictures are rasterised here (4 x 4 samples a pixel) into premultiplied ARGB arrays, so the
 * map can copy them into its pixel buffer without a drawing call per seat.
 */
final class SeatShapes {

    /** Seat pictures smaller than this (pixels) are plain squares. */
    static final int SHAPES_FROM = 5;

    enum Kind {
        AVAILABLE, HELD_BY_ME, HELD, SOLD, BLOCKED, ALLOCATED
    }

    private static final int SAMPLES = 4;
    private static final int WHITE = 0xffffffff;

    private SeatShapes() {
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** The colour a seat of this kind is drawn in (the price colour for an available seat). */
    static Color colorOf(Kind kind, Color price) {
        return switch (kind) {
            case AVAILABLE -> price;
            case HELD_BY_ME -> SeatMapSkin.HELD_BY_ME;
            case HELD -> SeatMapSkin.HELD;
            case SOLD -> SeatMapSkin.SOLD;
            case BLOCKED -> SeatMapSkin.BLOCKED;
            case ALLOCATED -> SeatMapSkin.ALLOCATED;
        };
    }

    /** A size x size picture, premultiplied ARGB, row by row; transparent where nothing is drawn. */
    static int[] picture(Kind kind, Color price, int size, boolean selected) {
        int color = argb(colorOf(kind, price));
        int selection = argb(SeatMapSkin.SELECTED);
        int[] out = new int[size * size];
        if (size < SHAPES_FROM) {
            java.util.Arrays.fill(out, selected ? selection : color);
            return out;
        }
        double line = Math.max(0.12, 1.2 / size);
        double edge = Math.max(0.1, 1.6 / size);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                int a = 0, r = 0, g = 0, b = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        double u = (px + (sx + 0.5) / SAMPLES) / size;
                        double v = (py + (sy + 0.5) / SAMPLES) / size;
                        int c = selected && (u < edge || v < edge || u > 1 - edge || v > 1 - edge)
                                ? selection : sample(kind, color, u - 0.5, v - 0.5, line);
                        if (c != 0) {
                            a += 255;
                            r += c >> 16 & 0xff;
                            g += c >> 8 & 0xff;
                            b += c & 0xff;
                        }
                    }
                }
                int n = SAMPLES * SAMPLES;
                out[py * size + px] = (a / n) << 24 | (r / n) << 16 | (g / n) << 8 | (b / n);
            }
        }
        return out;
    }

    /** The opaque colour at (dx, dy) from the picture's centre (unit square), or 0 for nothing. */
    private static int sample(Kind kind, int color, double dx, double dy, double line) {
        double r = Math.sqrt(dx * dx + dy * dy);
        double diagonal = Math.abs(dx + dy) / Math.sqrt(2);
        double antiDiagonal = Math.abs(dx - dy) / Math.sqrt(2);
        return switch (kind) {
            case AVAILABLE -> r <= 0.42 ? color : 0;
            case HELD_BY_ME -> r <= 0.47 && r >= 0.3 ? color : r < 0.3 && r > 0.19 ? WHITE : r <= 0.19 ? color : 0;
            case HELD -> r <= 0.45 && (r >= 0.45 - line || diagonal <= line / 2) ? color : r < 0.45 ? WHITE : 0;
            case SOLD -> Math.abs(dx) <= 0.28 && Math.abs(dy) <= 0.28 ? color : 0;
            case BLOCKED -> Math.max(Math.abs(dx), Math.abs(dy)) <= 0.4 && (diagonal <= line * 0.7 || antiDiagonal <= line * 0.7)
                    ? color : 0;
            case ALLOCATED -> Math.abs(dx) + Math.abs(dy) <= 0.48 ? color : 0;
        };
    }
}

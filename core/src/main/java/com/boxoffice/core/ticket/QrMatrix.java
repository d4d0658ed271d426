package com.boxoffice.core.ticket;

import java.util.BitSet;

/**
 * The modules of a QR code as a square of dark and light cells, quiet zone included, so whatever
 * draws it (a PNG, a PDF page, a screen) needs no QR library.
 */
public final class QrMatrix {

    private final int size;
    private final int quietZone;
    private final BitSet dark;

    QrMatrix(int size, int quietZone, BitSet dark) {
        this.size = size;
        this.quietZone = quietZone;
        this.dark = (BitSet) dark.clone();
    }

    /** Modules along each side, quiet zone included. */
    public int size() {
        return size;
    }

    /** Light modules around the code on each side, part of {@link #size()}. */
    public int quietZone() {
        return quietZone;
    }

    /** Whether the module at column {@code x}, row {@code y} (from the top left, 0-based) is dark. */
    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside a " + size + " module square");
        }
        return dark.get(y * size + x);
    }
}

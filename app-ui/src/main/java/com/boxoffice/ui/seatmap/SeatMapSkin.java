package com.boxoffice.ui.seatmap;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;

import com.boxoffice.core.venue.PriceCategory;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Draws a {@link SeatMap}. Near, seats are copied as ready-made pictures ({@link SeatShapes}) into a
 * pixel buffer shown as one image, visiting only the seats in view through the data's bucket grid;
 * far (seats under {@link #DETAIL_FROM} pixels), each section is one polygon filled by how full it
 * is, with the names as text nodes. A canvas on top draws the keyboard cursor and the selection
 * rectangle, and is hidden when it has nothing to show.
 *
 * <p>Nothing is drawn in event handlers: they record what changed and ask for a layout, and the next
 * layout pass (every pulse, and every snapshot) draws it once, so a burst of live changes costs one
 * repaint of the seats they touch.
 */
public class SeatMapSkin extends SkinBase<SeatMap> {

    private static final double MIN_SIZE = 160;
    private static final double PREF_WIDTH = 800;
    private static final double PREF_HEIGHT = 600;

    static final Color BACKGROUND = Color.web("#f7f8fa");
    /** Held by others: magenta, far from every price colour (gold included). */
    static final Color HELD = Color.web("#c2189b");
    /** Held by this client: a strong blue. */
    static final Color HELD_BY_ME = Color.web("#0b57d0");
    static final Color SOLD = Color.web("#5f6670");
    static final Color BLOCKED = Color.web("#1d2026");
    static final Color ALLOCATED = Color.web("#00838f");
    static final Color SELECTED = Color.web("#111111");
    static final Color SECTION_EDGE = Color.web("#ffffff");
    static final Color CURSOR = Color.web("#e8590c");
    /** Section fill from empty to full: light to dark, so it reads without colour vision too. */
    static final Color EMPTY = Color.web("#d9e6f1");
    static final Color FULL = Color.web("#203a5c");

    /** Seat picture size as a share of the pixels per metre (seats are about 0.5 m apart). */
    static final double SEAT_FRACTION = 0.45;
    /** Seat pictures smaller than this many pixels give way to section shapes. */
    static final double DETAIL_FROM = 3;
    private static final int BACKGROUND_ARGB = SeatShapes.argb(BACKGROUND);
    private static final double PAN_STEP = 60;

    private final ImageView seatsView = new ImageView();
    private final Canvas canvas = new Canvas();
    /** Section names when far: text nodes, so no full-size canvas has to be blended over the map. */
    private final Group names = new Group();
    private Text[] nameTexts = new Text[0];
    private double nameSize;
    private final Tooltip tooltip = new Tooltip();
    private WritableImage image;
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels = new int[0];
    private int width;
    private int height;

    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitted;

    // what the next layout pass has to draw
    private boolean everything = true;
    private boolean overlay;
    /** Only panned since the last draw, by this much: the picture can be moved instead of drawn anew. */
    private boolean moved;
    private double shiftX;
    private double shiftY;
    private int[] pending = new int[64];
    private int pendingCount;

    // seat pictures for the size drawn: index = kind/category variant * 2 + selected
    private int[][] pictures = new int[0][];
    private int picturesSize = -1;
    private SeatMapData picturesOf;
    private Color[] categoryColors = new Color[0];

    // the whole house drawn as sections at one scale (when far)
    private int[] housePixels;
    private PixelBuffer<IntBuffer> houseBuffer;
    private WritableImage houseImage;
    private SeatMapData houseOf;
    private double houseScale = -1;
    private boolean houseStale;
    private int houseX0;
    private int houseY0;
    private double houseMinX;
    private double houseMinY;
    private double houseMaxX;
    private double houseMaxY;
    private double insetX;
    private double insetY;
    private final Rectangle clip = new Rectangle();

    // sections, worked out once per data set
    private SeatMapData sectionsOf;
    private double[] labelX = new double[0];
    private double[] labelY = new double[0];
    private double[] polygonX = new double[0];
    private double[] polygonY = new double[0];

    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private boolean banding;
    private int hovered = -1;

    public SeatMapSkin(SeatMap map) {
        super(map);
        seatsView.setManaged(false);
        seatsView.setSmooth(false);
        canvas.setManaged(false);
        names.setManaged(false);
        names.setMouseTransparent(true);
        getChildren().addAll(seatsView, names, canvas);
        tooltip.setShowDelay(Duration.millis(300));
        // the house picture reaches past the map's edges when far
        map.setClip(clip);
        map.onRepaint(new SeatMap.Repaint() {
            @Override
            public void seats(int[] changed) {
                if (changed == null) {
                    everything = true;
                    houseStale = true;
                } else {
                    queue(changed);
                }
                map.requestLayout();
            }

            @Override
            public void data() {
                fitted = false;
                everything = true;
                houseStale = true;
                map.requestLayout();
            }
        });
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        map.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        map.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1e9, -1e9));
        map.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isDirect() || e.getTouchCount() > 0) {
                pan(e.getDeltaX(), e.getDeltaY());
            } else if (e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
            }
            e.consume();
        });
        map.addEventHandler(ZoomEvent.ZOOM, e -> {
            zoom(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        map.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    // ---- input

    private void pressed(MouseEvent e) {
        pressX = dragX = e.getX();
        pressY = dragY = e.getY();
        dragged = false;
        banding = e.isShiftDown();
        getSkinnable().requestFocus();
    }

    private void dragged(MouseEvent e) {
        double slop = e.isSynthesized() ? 8 : 3;
        if (Math.abs(e.getX() - pressX) > slop || Math.abs(e.getY() - pressY) > slop) {
            dragged = true;
        }
        if (banding) {
            overlay = true;
            getSkinnable().requestLayout();
        } else if (!e.isSynthesized()) {
            // a touch pans through its scroll events; its synthesized drags would pan twice
            pan(e.getX() - dragX, e.getY() - dragY);
        }
        dragX = e.getX();
        dragY = e.getY();
    }

    private void released(MouseEvent e) {
        if (banding && dragged) {
            selectInside(pressX, pressY, e.getX(), e.getY());
            banding = false;
            overlay = true;
            getSkinnable().requestLayout();
            return;
        }
        banding = false;
        if (!dragged) {
            click(e.getX(), e.getY());
        }
    }

    private void click(double px, double py) {
        SeatMapData data = getSkinnable().getData();
        if (data == null) {
            return;
        }
        double smallest = Math.min(32, getSkinnable().getSmallestPick());
        if (!detailed() || scale * SEAT_FRACTION < smallest) {
            // too far to pick a seat (or to pick one with a finger): go closer where the click was
            zoom(Math.max(detailScale() * 2.5, smallest / SEAT_FRACTION) / scale, px, py);
            return;
        }
        int seat = seatAt(px, py);
        if (seat >= 0) {
            getSkinnable().toggleSelection(seat);
        }
    }

    private void selectInside(double ax, double ay, double bx, double by) {
        SeatMapData data = getSkinnable().getData();
        if (data == null) {
            return;
        }
        double x0 = (Math.min(ax, bx) - offsetX) / scale;
        double x1 = (Math.max(ax, bx) - offsetX) / scale;
        double y0 = (Math.min(ay, by) - offsetY) / scale;
        double y1 = (Math.max(ay, by) - offsetY) / scale;
        SeatMap map = getSkinnable();
        data.seatsNear(x0, y0, x1, y1, seat -> {
            double x = data.x(seat);
            double y = data.y(seat);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                map.select(seat);
            }
        });
    }

    private void hover(double px, double py) {
        SeatMap map = getSkinnable();
        SeatMapData data = map.getData();
        String text = null;
        int seat = -1;
        if (data != null) {
            if (detailed()) {
                seat = seatAt(px, py);
                text = seat < 0 ? null : map.describe(seat);
            } else {
                int section = sectionAt(px, py);
                seat = -2 - section;
                text = section < 0 ? null : sectionText(section);
            }
        }
        if (seat == hovered) {
            return;
        }
        hovered = seat;
        if (text == null) {
            map.setTooltip(null);
        } else {
            tooltip.setText(text);
            if (map.getTooltip() != tooltip) {
                map.setTooltip(tooltip);
            }
        }
    }

    private String sectionText(int section) {
        SeatMapData data = getSkinnable().getData();
        int seats = data.sectionEnd(section) - data.sectionStart(section);
        int taken = getSkinnable().takenIn(section);
        return data.sectionName(section) + "\n" + (seats - taken) + " of " + seats + " seats available";
    }

    private void key(KeyEvent e) {
        double w = width / 2.0;
        double h = height / 2.0;
        SeatMap map = getSkinnable();
        KeyCode code = e.getCode();
        if (code.isArrowKey() && e.isShortcutDown()) {
            switch (code) {
                case LEFT, KP_LEFT -> pan(PAN_STEP, 0);
                case RIGHT, KP_RIGHT -> pan(-PAN_STEP, 0);
                case UP, KP_UP -> pan(0, PAN_STEP);
                default -> pan(0, -PAN_STEP);
            }
            e.consume();
            return;
        }
        switch (code) {
            case LEFT, KP_LEFT -> moveCursor(-1, 0);
            case RIGHT, KP_RIGHT -> moveCursor(1, 0);
            case UP, KP_UP -> moveCursor(0, -1);
            case DOWN, KP_DOWN -> moveCursor(0, 1);
            case SPACE, ENTER -> {
                if (map.getSeatCursor() >= 0) {
                    map.toggleSelection(map.getSeatCursor());
                    map.setAccessibleText(map.describe(map.getSeatCursor()));
                }
            }
            case ESCAPE -> map.clearSelection();
            case PLUS, ADD, EQUALS -> zoom(1.25, w, h);
            case MINUS, SUBTRACT -> zoom(0.8, w, h);
            case DIGIT0, NUMPAD0 -> {
                fitted = false;
                everything = true;
                map.requestLayout();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Moves the cursor to the nearest seat in the direction (dx, dy), or onto the seat nearest the middle of the view. */
    private void moveCursor(int dx, int dy) {
        SeatMap map = getSkinnable();
        SeatMapData data = map.getData();
        if (data == null || data.size() == 0) {
            return;
        }
        int from = map.getSeatCursor();
        int to = from < 0 ? middleSeat(data) : neighbour(data, from, dx, dy);
        if (to < 0) {
            return;
        }
        map.setSeatCursor(to);
        show(to);
    }

    private int middleSeat(SeatMapData data) {
        double vx = (width / 2.0 - offsetX) / scale;
        double vy = (height / 2.0 - offsetY) / scale;
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < data.size(); i++) {
            double d = Math.hypot(data.x(i) - vx, data.y(i) - vy);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * The seat nearest in the direction: ahead of the seat, within about 60 degrees of the
     * direction, least distance ahead plus twice the distance aside (so the next seat in the row
     * wins over one in the next row).
     */
    static int neighbour(SeatMapData data, int from, int dx, int dy) {
        double x = data.x(from);
        double y = data.y(from);
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int i = 0; i < data.size(); i++) {
            double ax = data.x(i) - x;
            double ay = data.y(i) - y;
            double ahead = ax * dx + ay * dy;
            double aside = Math.abs(ax * dy - ay * dx);
            if (ahead < 0.05 || aside > ahead * 1.8) {
                continue;
            }
            double cost = ahead + 2 * aside;
            if (cost < bestCost) {
                bestCost = cost;
                best = i;
            }
        }
        return best;
    }

    /** Scrolls (and, when far, zooms in) so the seat is in view. */
    private void show(int seat) {
        if (!detailed()) {
            scale = detailScale() * 2.5;
            offsetX = width / 2.0 - getSkinnable().getData().x(seat) * scale;
            offsetY = height / 2.0 - getSkinnable().getData().y(seat) * scale;
            everything = true;
            getSkinnable().requestLayout();
            return;
        }
        double margin = Math.min(60, Math.min(width, height) / 4.0);
        double sx = screenX(seat);
        double sy = screenY(seat);
        double moveX = sx < margin ? width / 2.0 - sx : sx > width - margin ? width / 2.0 - sx : 0;
        double moveY = sy < margin ? height / 2.0 - sy : sy > height - margin ? height / 2.0 - sy : 0;
        if (moveX != 0 || moveY != 0) {
            pan(moveX, moveY);
        }
    }

    // ---- view

    private void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        if (!everything) {
            moved = true;
            shiftX += dx;
            shiftY += dy;
        }
        getSkinnable().requestLayout();
    }

    private void zoom(double factor, double aroundX, double aroundY) {
        double next = Math.max(0.05, Math.min(200, scale * factor));
        double applied = next / scale;
        offsetX = aroundX - (aroundX - offsetX) * applied;
        offsetY = aroundY - (aroundY - offsetY) * applied;
        scale = next;
        everything = true;
        getSkinnable().requestLayout();
    }

    /** Scale and offset that show the whole house with a margin. */
    private void fit(SeatMapData data) {
        double margin = 24;
        double w = Math.max(1, width - 2 * margin);
        double h = Math.max(1, height - 2 * margin);
        scale = Math.min(w / data.width(), h / data.height());
        offsetX = margin + (w - data.width() * scale) / 2 - data.minX() * scale;
        offsetY = margin + (h - data.height() * scale) / 2 - data.minY() * scale;
        fitted = true;
    }

    /** The scale at which seats become big enough to draw one by one. */
    private static double detailScale() {
        return DETAIL_FROM / SEAT_FRACTION;
    }

    /** Whether seats are drawn one by one (else sections). */
    boolean detailed() {
        return scale * SEAT_FRACTION >= DETAIL_FROM;
    }

    /** Size in pixels of one seat's picture at the current zoom. */
    private int seatSize() {
        return (int) Math.round(Math.min(32, scale * SEAT_FRACTION));
    }

    double scale() {
        return scale;
    }

    /** The seat under a point of the control, or -1. */
    int seatAt(double px, double py) {
        SeatMapData data = getSkinnable().getData();
        double reach = Math.max(0.3, (seatSize() / 2.0 + 1) / scale);
        return data.nearest((px - offsetX) / scale, (py - offsetY) / scale, reach);
    }

    /** The section whose outline contains a point of the control, or -1. */
    int sectionAt(double px, double py) {
        SeatMapData data = getSkinnable().getData();
        double vx = (px - offsetX) / scale;
        double vy = (py - offsetY) / scale;
        for (int s = 0; s < data.sectionCount(); s++) {
            if (inside(data.outlineX(s), data.outlineY(s), vx, vy)) {
                return s;
            }
        }
        return -1;
    }

    private static boolean inside(double[] xs, double[] ys, double x, double y) {
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    /** Where a seat's centre is drawn, in the control's coordinates (for tests and tooltips). */
    double screenX(int seat) {
        return getSkinnable().getData().x(seat) * scale + offsetX;
    }

    double screenY(int seat) {
        return getSkinnable().getData().y(seat) * scale + offsetY;
    }

    // ---- drawing

    private void queue(int[] seats) {
        if (everything) {
            return;
        }
        if (pendingCount + seats.length > pending.length) {
            if (pendingCount + seats.length > 20_000) {
                everything = true;
                pendingCount = 0;
                return;
            }
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingCount + seats.length));
        }
        System.arraycopy(seats, 0, pending, pendingCount, seats.length);
        pendingCount += seats.length;
    }

    /*
     * The canvas and image are sized to the control at each layout, and a canvas's minimum size is
     * its current size; without these the map could grow with its window but never shrink again,
     * pushing panels beside it off screen.
     */
    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + MIN_SIZE + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + MIN_SIZE + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + PREF_WIDTH + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + PREF_HEIGHT + bottom;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        int newWidth = (int) Math.max(0, Math.floor(w));
        int newHeight = (int) Math.max(0, Math.floor(h));
        if (newWidth != width || newHeight != height) {
            width = newWidth;
            height = newHeight;
            canvas.setWidth(width);
            canvas.setHeight(height);
            pixels = new int[width * height];
            buffer = width == 0 || height == 0 ? null
                    : new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = buffer == null ? null : new WritableImage(buffer);
            fitted = false;
            everything = true;
        }
        insetX = Math.round(x);
        insetY = Math.round(y);
        clip.setX(insetX);
        clip.setY(insetY);
        clip.setWidth(width);
        clip.setHeight(height);
        canvas.relocate(insetX, insetY);
        // not relocate(): a group's layout bounds start at its leftmost name, not at 0
        names.setLayoutX(insetX);
        names.setLayoutY(insetY);
        draw();
    }

    /** Draws what changed since the last layout pass. */
    private void draw() {
        SeatMapData data = getSkinnable().getData();
        if (data == null || image == null) {
            if (everything) {
                GraphicsContext g = canvas.getGraphicsContext2D();
                g.setFill(BACKGROUND);
                g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
                seatsView.setVisible(false);
                names.setVisible(false);
                canvas.setVisible(true);
                everything = false;
            }
            pendingCount = 0;
            return;
        }
        if (!fitted) {
            fit(data);
            everything = true;
        }
        if (detailed()) {
            names.setVisible(false);
            if (everything) {
                drawSeats(data);
            } else {
                if (moved) {
                    shiftSeats(data);
                }
                if (pendingCount > 0) {
                    repaintSeats(data);
                }
            }
            if (everything || overlay || moved || pendingCount > 0) {
                drawOverlay(data, canvas.getGraphicsContext2D(), true);
            }
        } else if (everything || overlay || moved || pendingCount > 0) {
            houseStale |= pendingCount > 0;
            drawSections(data);
        }
        moved = false;
        shiftX = 0;
        shiftY = 0;
        everything = false;
        overlay = false;
        pendingCount = 0;
    }

    /** Every seat in view, into the pixel buffer, then the buffer into the image in one copy. */
    private void drawSeats(SeatMapData data) {
        Arrays.fill(pixels, BACKGROUND_ARGB);
        int size = seatSize();
        preparePictures(data, size);
        double reach = size / scale;
        SeatMap map = getSkinnable();
        data.seatsNear(-offsetX / scale - reach, -offsetY / scale - reach,
                (width - offsetX) / scale + reach, (height - offsetY) / scale + reach,
                seat -> paint(map, data, seat, size));
        buffer.updateBuffer(b -> null);
        seatsView.setImage(image);
        seatsView.relocate(insetX, insetY);
        seatsView.setVisible(true);
    }

    /**
     * After a pan by whole pixels: moves what is drawn and draws only the strips that came into
     * view. (Seat pictures sit at rounded positions, so a whole-pixel pan moves each by exactly that.)
     */
    private void shiftSeats(SeatMapData data) {
        int dx = (int) shiftX;
        int dy = (int) shiftY;
        if (dx != shiftX || dy != shiftY || Math.abs(dx) >= width || Math.abs(dy) >= height) {
            drawSeats(data);
            return;
        }
        int w = width;
        int keep = w - Math.abs(dx);
        int from = dx >= 0 ? 0 : -dx;
        int to = dx >= 0 ? dx : 0;
        if (dy > 0) {
            for (int y = height - 1; y >= dy; y--) {
                System.arraycopy(pixels, (y - dy) * w + from, pixels, y * w + to, keep);
            }
        } else {
            for (int y = 0; y < height + dy; y++) {
                System.arraycopy(pixels, (y - dy) * w + from, pixels, y * w + to, keep);
            }
        }
        int size = seatSize();
        preparePictures(data, size);
        if (dy != 0) {
            drawStrip(data, size, 0, dy > 0 ? 0 : height + dy, w, dy > 0 ? dy : height);
        }
        if (dx != 0) {
            drawStrip(data, size, dx > 0 ? 0 : w + dx, 0, dx > 0 ? dx : w, height);
        }
        buffer.updateBuffer(b -> null);
    }

    /** Clears a rectangle of the buffer and draws the seats that reach into it. */
    private void drawStrip(SeatMapData data, int size, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            Arrays.fill(pixels, y * width + x0, y * width + x1, BACKGROUND_ARGB);
        }
        double reach = size / scale;
        SeatMap map = getSkinnable();
        data.seatsNear((x0 - offsetX) / scale - reach, (y0 - offsetY) / scale - reach,
                (x1 - offsetX) / scale + reach, (y1 - offsetY) / scale + reach,
                seat -> paint(map, data, seat, size, x0, y0, x1, y1));
    }

    /** Only the seats that changed, each cleared and drawn anew; the image takes the rectangle round them. */
    private void repaintSeats(SeatMapData data) {
        int size = seatSize();
        preparePictures(data, size);
        SeatMap map = getSkinnable();
        int dirtyX0 = width;
        int dirtyY0 = height;
        int dirtyX1 = 0;
        int dirtyY1 = 0;
        for (int k = 0; k < pendingCount; k++) {
            int seat = pending[k];
            int left = left(seat, size);
            int top = top(seat, size);
            int x0 = Math.max(0, left);
            int y0 = Math.max(0, top);
            int x1 = Math.min(width, left + size);
            int y1 = Math.min(height, top + size);
            if (x0 >= x1 || y0 >= y1) {
                continue;
            }
            for (int yy = y0; yy < y1; yy++) {
                Arrays.fill(pixels, yy * width + x0, yy * width + x1, BACKGROUND_ARGB);
            }
            paint(map, data, seat, size);
            dirtyX0 = Math.min(dirtyX0, x0);
            dirtyY0 = Math.min(dirtyY0, y0);
            dirtyX1 = Math.max(dirtyX1, x1);
            dirtyY1 = Math.max(dirtyY1, y1);
        }
        if (dirtyX0 < dirtyX1) {
            Rectangle2D dirty = new Rectangle2D(dirtyX0, dirtyY0, dirtyX1 - dirtyX0, dirtyY1 - dirtyY0);
            buffer.updateBuffer(b -> dirty);
        }
    }

    private int left(int seat, int size) {
        return (int) Math.round(screenX(seat) - size / 2.0);
    }

    private int top(int seat, int size) {
        return (int) Math.round(screenY(seat) - size / 2.0);
    }

    /** Copies the seat's picture into the buffer, blending its soft edges over what is there. */
    private void paint(SeatMap map, SeatMapData data, int seat, int size) {
        paint(map, data, seat, size, 0, 0, width, height);
    }

    /** The same, touching only pixels inside the rectangle [clipX0, clipX1) x [clipY0, clipY1). */
    private void paint(SeatMap map, SeatMapData data, int seat, int size, int clipX0, int clipY0, int clipX1, int clipY1) {
        int left = left(seat, size);
        int top = top(seat, size);
        int x0 = Math.max(clipX0, left);
        int y0 = Math.max(clipY0, top);
        int x1 = Math.min(clipX1, left + size);
        int y1 = Math.min(clipY1, top + size);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int[] picture = pictures[variant(map, data, seat)];
        for (int yy = y0; yy < y1; yy++) {
            int from = (yy - top) * size - left;
            int to = yy * width;
            for (int xx = x0; xx < x1; xx++) {
                int src = picture[from + xx];
                int alpha = src >>> 24;
                if (alpha == 255) {
                    pixels[to + xx] = src;
                } else if (alpha != 0) {
                    pixels[to + xx] = blend(src, pixels[to + xx], alpha);
                }
            }
        }
    }

    private static int blend(int src, int dst, int alpha) {
        int keep = 255 - alpha;
        int r = (src >> 16 & 0xff) + ((dst >> 16 & 0xff) * keep + 127) / 255;
        int g = (src >> 8 & 0xff) + ((dst >> 8 & 0xff) * keep + 127) / 255;
        int b = (src & 0xff) + ((dst & 0xff) * keep + 127) / 255;
        return 0xff000000 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }

    private int variant(SeatMap map, SeatMapData data, int seat) {
        SeatShapes.Kind kind = map.kindOf(seat);
        int base = kind == SeatShapes.Kind.AVAILABLE ? data.categoryIndex(seat) : categoryColors.length + kind.ordinal() - 1;
        return base * 2 + (map.isSelected(seat) ? 1 : 0);
    }

    private void preparePictures(SeatMapData data, int size) {
        if (size == picturesSize && data == picturesOf) {
            return;
        }
        List<PriceCategory> categories = data.categories();
        categoryColors = new Color[categories.size()];
        for (int i = 0; i < categoryColors.length; i++) {
            categoryColors[i] = Color.web(categories.get(i).color());
        }
        SeatShapes.Kind[] kinds = SeatShapes.Kind.values();
        pictures = new int[(categoryColors.length + kinds.length - 1) * 2][];
        for (int i = 0; i < categoryColors.length; i++) {
            pictures[i * 2] = SeatShapes.picture(SeatShapes.Kind.AVAILABLE, categoryColors[i], size, false);
            pictures[i * 2 + 1] = SeatShapes.picture(SeatShapes.Kind.AVAILABLE, categoryColors[i], size, true);
        }
        for (int k = 1; k < kinds.length; k++) {
            int base = categoryColors.length + k - 1;
            pictures[base * 2] = SeatShapes.picture(kinds[k], null, size, false);
            pictures[base * 2 + 1] = SeatShapes.picture(kinds[k], null, size, true);
        }
        picturesSize = size;
        picturesOf = data;
    }

    /** The keyboard cursor and the selection rectangle, over the seats (which are in the image below). */
    private void drawOverlay(SeatMapData data, GraphicsContext g, boolean clear) {
        int cursor = getSkinnable().getSeatCursor();
        if (clear) {
            g.clearRect(0, 0, width, height);
            // an empty canvas over the whole map still costs a full-size blend every frame
            canvas.setVisible(cursor >= 0 || banding);
        }
        if (cursor >= 0 && detailed()) {
            double half = seatSize() / 2.0 + 3;
            double sx = Math.round(screenX(cursor));
            double sy = Math.round(screenY(cursor));
            g.setLineWidth(3);
            g.setStroke(Color.WHITE);
            g.strokeRect(sx - half - 1, sy - half - 1, 2 * half + 2, 2 * half + 2);
            g.setLineWidth(2);
            g.setStroke(CURSOR);
            g.strokeRect(sx - half, sy - half, 2 * half, 2 * half);
        }
        if (banding) {
            double x0 = Math.min(pressX, dragX);
            double y0 = Math.min(pressY, dragY);
            g.setFill(Color.rgb(11, 87, 208, 0.12));
            g.fillRect(x0, y0, Math.abs(dragX - pressX), Math.abs(dragY - pressY));
            g.setLineWidth(1);
            g.setStroke(HELD_BY_ME);
            g.strokeRect(x0 + 0.5, y0 + 0.5, Math.abs(dragX - pressX), Math.abs(dragY - pressY));
        }
    }

    /**
     * Far away: each section as its outline, filled light to dark by the share of its seats taken,
     * rasterised straight into a pixel buffer (a few hundred spans a section, no drawing calls); the
     * names are text nodes above. The picture holds the whole house at the current scale, so a pan
     * only moves it; a zoom or a live change draws it again.
     */
    private void drawSections(SeatMapData data) {
        prepareSections(data);
        boolean stale = houseOf != data || houseScale != scale || houseStale || houseImage == null;
        if (stale && !drawHouse(data)) {
            // a house too big to hold whole at this scale: draw just the view
            Arrays.fill(pixels, BACKGROUND_ARGB);
            drawSectionShapes(data, pixels, width, height, offsetX, offsetY);
            buffer.updateBuffer(b -> null);
            seatsView.setImage(image);
            seatsView.relocate(insetX, insetY);
            houseOf = null;
        } else {
            seatsView.setImage(houseImage);
            seatsView.relocate(insetX + houseX0 + Math.round(offsetX), insetY + houseY0 + Math.round(offsetY));
        }
        seatsView.setVisible(true);
        placeSectionNames(data);
        drawOverlay(data, canvas.getGraphicsContext2D(), true);
    }

    /** Draws the whole house into its own picture at the current scale; false if it would be bigger than the view. */
    private boolean drawHouse(SeatMapData data) {
        int x0 = (int) Math.floor(houseMinX * scale) - 2;
        int y0 = (int) Math.floor(houseMinY * scale) - 2;
        int w = (int) Math.ceil(houseMaxX * scale) + 2 - x0;
        int h = (int) Math.ceil(houseMaxY * scale) + 2 - y0;
        // Only a house about the size of the view is worth a picture of its own: a pan then just moves
        // it. A bigger one costs more to draw and to upload on every zoom step than drawing the view.
        long limit = Math.max(1_000_000L, (long) (1.2 * width * height));
        if ((long) w * h > limit) {
            return false;
        }
        // One picture for every zoom step, sized for the biggest house allowed: a new image is a new
        // texture to create and upload, which cost more than the drawing on each zoom-in step.
        int capacityW = houseImage == null ? 0 : (int) houseImage.getWidth();
        int capacityH = houseImage == null ? 0 : (int) houseImage.getHeight();
        if (w > capacityW || h > capacityH) {
            double aspect = Math.max(0.05, (houseMaxX - houseMinX) / Math.max(1e-9, houseMaxY - houseMinY));
            capacityH = Math.max(h, (int) Math.ceil(Math.sqrt(limit / aspect)) + 4);
            capacityW = Math.max(w, (int) Math.ceil(limit / (double) capacityH) + 4);
            housePixels = new int[capacityW * capacityH];
            houseBuffer = new PixelBuffer<>(capacityW, capacityH, IntBuffer.wrap(housePixels), PixelFormat.getIntArgbPreInstance());
            houseImage = new WritableImage(houseBuffer);
        }
        Arrays.fill(housePixels, BACKGROUND_ARGB);
        drawSectionShapes(data, housePixels, capacityW, h, -x0, -y0);
        Rectangle2D used = new Rectangle2D(0, 0, capacityW, h);
        houseBuffer.updateBuffer(b -> used);
        houseX0 = x0;
        houseY0 = y0;
        houseScale = scale;
        houseOf = data;
        houseStale = false;
        return true;
    }

    private void drawSectionShapes(SeatMapData data, int[] target, int w, int h, double dx, double dy) {
        SeatMap map = getSkinnable();
        int edge = SeatShapes.argb(SECTION_EDGE);
        for (int s = 0; s < data.sectionCount(); s++) {
            double[] xs = data.outlineX(s);
            double[] ys = data.outlineY(s);
            if (xs.length < 3) {
                continue;
            }
            for (int i = 0; i < xs.length; i++) {
                polygonX[i] = xs[i] * scale + dx;
                polygonY[i] = ys[i] * scale + dy;
            }
            int seats = data.sectionEnd(s) - data.sectionStart(s);
            int fill = SeatShapes.argb(fullness(seats == 0 ? 0 : map.takenIn(s) / (double) seats));
            fillPolygon(target, w, h, polygonX, polygonY, xs.length, fill);
            strokePolygon(target, w, h, polygonX, polygonY, xs.length, edge);
        }
    }

    /** Even-odd scanline fill, sampling each pixel row at its middle. */
    private static void fillPolygon(int[] target, int width, int height, double[] xs, double[] ys, int n, int color) {
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            top = Math.min(top, ys[i]);
            bottom = Math.max(bottom, ys[i]);
        }
        int y0 = Math.max(0, (int) Math.floor(top));
        int y1 = Math.min(height - 1, (int) Math.ceil(bottom));
        double[] crossings = new double[n];
        for (int y = y0; y <= y1; y++) {
            double sy = y + 0.5;
            int count = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                if ((ys[i] > sy) != (ys[j] > sy)) {
                    crossings[count++] = xs[i] + (sy - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(width, (int) Math.ceil(crossings[k + 1] - 0.5));
                if (from < to) {
                    Arrays.fill(target, y * width + from, y * width + to, color);
                }
            }
        }
    }

    /** One-pixel outline, stepping along each edge. */
    private static void strokePolygon(int[] target, int width, int height, double[] xs, double[] ys, int n, int color) {
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double dx = xs[i] - xs[j];
            double dy = ys[i] - ys[j];
            int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
            for (int k = 0; k <= steps; k++) {
                double t = steps == 0 ? 0 : k / (double) steps;
                int x = (int) Math.floor(xs[j] + dx * t);
                int y = (int) Math.floor(ys[j] + dy * t);
                if (x >= 0 && y >= 0 && x < width && y < height) {
                    target[y * width + x] = color;
                }
            }
        }
    }

    /** Each section's name where it fits inside the section, else its last word (the number), else nothing. */
    private void placeSectionNames(SeatMapData data) {
        if (nameTexts.length != data.sectionCount()) {
            nameTexts = new Text[data.sectionCount()];
            for (int s = 0; s < nameTexts.length; s++) {
                nameTexts[s] = new Text();
                nameTexts[s].setTextOrigin(VPos.CENTER);
                nameTexts[s].getStyleClass().add("section-name");
            }
            names.getChildren().setAll(nameTexts);
            nameSize = 0;
        }
        // one size at every zoom: a new font would lay out every name again on each zoom step
        double size = 11;
        if (size != nameSize) {
            Font font = Font.font(size);
            for (Text text : nameTexts) {
                text.setFont(font);
            }
            nameSize = size;
        }
        SeatMap map = getSkinnable();
        for (int s = 0; s < nameTexts.length; s++) {
            Text text = nameTexts[s];
            String name = data.sectionName(s);
            double room = sectionWidths[s] * scale * 0.85;
            boolean fits = sectionHeights[s] * scale >= size * 1.4;
            if (fits && name.length() * size * 0.62 > room) {
                name = name.substring(name.lastIndexOf(' ') + 1);
                fits = name.length() * size * 0.62 <= room;
            }
            double cx = labelX[s] * scale + offsetX;
            double cy = labelY[s] * scale + offsetY;
            fits &= cx > -200 && cy > -50 && cx < width + 200 && cy < height + 50;
            text.setVisible(fits);
            if (!fits) {
                continue;
            }
            int seats = data.sectionEnd(s) - data.sectionStart(s);
            double share = seats == 0 ? 0 : map.takenIn(s) / (double) seats;
            text.setFill(share > 0.45 ? Color.WHITE : BLOCKED);
            if (!name.equals(text.getText())) {
                text.setText(name);
            }
            text.setX(Math.round(cx - text.getLayoutBounds().getWidth() / 2));
            text.setY(Math.round(cy));
        }
        names.setVisible(true);
    }

    private double[] sectionWidths = new double[0];
    private double[] sectionHeights = new double[0];

    private void prepareSections(SeatMapData data) {
        if (sectionsOf == data) {
            return;
        }
        int n = data.sectionCount();
        labelX = new double[n];
        labelY = new double[n];
        sectionWidths = new double[n];
        sectionHeights = new double[n];
        int most = 0;
        for (int s = 0; s < n; s++) {
            double[] xs = data.outlineX(s);
            double[] ys = data.outlineY(s);
            most = Math.max(most, xs.length);
            int from = data.sectionStart(s);
            int to = data.sectionEnd(s);
            double sx = 0, sy = 0;
            for (int i = from; i < to; i++) {
                sx += data.x(i);
                sy += data.y(i);
            }
            labelX[s] = to > from ? sx / (to - from) : Arrays.stream(xs).average().orElse(0);
            labelY[s] = to > from ? sy / (to - from) : Arrays.stream(ys).average().orElse(0);
            // room for a name: the width of the section along the horizontal through the label
            sectionWidths[s] = chord(xs, ys, labelY[s]);
            sectionHeights[s] = Arrays.stream(ys).max().orElse(0) - Arrays.stream(ys).min().orElse(0);
        }
        polygonX = new double[most];
        polygonY = new double[most];
        houseMinX = data.minX();
        houseMinY = data.minY();
        houseMaxX = data.minX() + data.width();
        houseMaxY = data.minY() + data.height();
        for (int s = 0; s < n; s++) {
            for (double x : data.outlineX(s)) {
                houseMinX = Math.min(houseMinX, x);
                houseMaxX = Math.max(houseMaxX, x);
            }
            for (double y : data.outlineY(s)) {
                houseMinY = Math.min(houseMinY, y);
                houseMaxY = Math.max(houseMaxY, y);
            }
        }
        sectionsOf = data;
    }

    /** Length of the outline's widest span along the horizontal line at y. */
    private static double chord(double[] xs, double[] ys, double y) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)) {
                double x = xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
                low = Math.min(low, x);
                high = Math.max(high, x);
            }
        }
        return high > low ? high - low : 0;
    }

    /** Light (empty) to dark (full). */
    static Color fullness(double share) {
        return EMPTY.interpolate(FULL, Math.max(0, Math.min(1, share)));
    }
}

package com.boxoffice.ui.seatmap;

import java.util.List;

import com.boxoffice.core.venue.PriceCategory;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;

/**
 * Draws a {@link SeatMap} on one canvas. A whole redraw happens only when the view moves or the data
 * changes; a live change repaints just its seats. Drag to pan, scroll to zoom around the pointer;
 * from the keyboard the arrows pan, + and - zoom, 0 fits the house.
 */
public class SeatMapSkin extends SkinBase<SeatMap> {

    static final Color BACKGROUND = Color.web("#f7f8fa");
    static final Color HELD = Color.web("#f2a33a");
    static final Color SOLD = Color.web("#9aa3ad");
    static final Color BLOCKED = Color.web("#2b2f36");
    static final Color ALLOCATED = Color.web("#7b5ea7");

    private final Canvas canvas = new Canvas();
    private Color[] categoryColors = new Color[0];
    private SeatMapData colorsOf;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitted;
    private double dragX;
    private double dragY;

    public SeatMapSkin(SeatMap map) {
        super(map);
        getChildren().add(canvas);
        map.onRepaint(changed -> {
            if (changed == null) {
                fitted = false;
                redraw();
            } else {
                repaint(changed);
            }
        });
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            map.requestFocus();
        });
        map.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        map.addEventHandler(ScrollEvent.SCROLL, e -> zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY()));
        map.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            double w = canvas.getWidth() / 2;
            double h = canvas.getHeight() / 2;
            switch (e.getCode()) {
                case LEFT -> pan(60, 0);
                case RIGHT -> pan(-60, 0);
                case UP -> pan(0, 60);
                case DOWN -> pan(0, -60);
                case PLUS, ADD, EQUALS -> zoom(1.25, w, h);
                case MINUS, SUBTRACT -> zoom(0.8, w, h);
                case DIGIT0, NUMPAD0 -> {
                    fitted = false;
                    redraw();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static Color[] colors(SeatMapData data) {
        if (data == null) {
            return new Color[0];
        }
        List<PriceCategory> categories = data.categories();
        Color[] out = new Color[categories.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Color.web(categories.get(i).color());
        }
        return out;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            fitted = false;
            redraw();
        }
        canvas.relocate(x, y);
    }

    private void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        redraw();
    }

    private void zoom(double factor, double aroundX, double aroundY) {
        double next = Math.max(0.05, Math.min(200, scale * factor));
        double applied = next / scale;
        offsetX = aroundX - (aroundX - offsetX) * applied;
        offsetY = aroundY - (aroundY - offsetY) * applied;
        scale = next;
        redraw();
    }

    /** Scale and offset that show the whole house with a margin. */
    private void fit(SeatMapData data) {
        double margin = 24;
        double w = Math.max(1, canvas.getWidth() - 2 * margin);
        double h = Math.max(1, canvas.getHeight() - 2 * margin);
        scale = Math.min(w / data.width(), h / data.height());
        offsetX = margin + (w - data.width() * scale) / 2 - data.minX() * scale;
        offsetY = margin + (h - data.height() * scale) / 2 - data.minY() * scale;
        fitted = true;
    }

    /** Size in pixels of one seat's square at the current zoom. */
    private double seatSize() {
        return Math.max(1.5, Math.min(24, scale * 0.45));
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        SeatMapData data = getSkinnable().getData();
        if (data == null || canvas.getWidth() == 0) {
            return;
        }
        if (!fitted) {
            fit(data);
        }
        double size = seatSize();
        double half = size / 2;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        for (int i = 0; i < data.size(); i++) {
            double sx = data.x(i) * scale + offsetX;
            double sy = data.y(i) * scale + offsetY;
            if (sx < -size || sy < -size || sx > w + size || sy > h + size) {
                continue;
            }
            g.setFill(colorOf(data, i));
            g.fillRect(sx - half, sy - half, size, size);
        }
    }

    /** Repaints only the given seats: what a live change needs. */
    private void repaint(int[] seats) {
        SeatMapData data = getSkinnable().getData();
        if (data == null || !fitted) {
            redraw();
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double size = seatSize();
        double half = size / 2;
        for (int i : seats) {
            double sx = data.x(i) * scale + offsetX;
            double sy = data.y(i) * scale + offsetY;
            g.setFill(BACKGROUND);
            g.fillRect(sx - half, sy - half, size, size);
            g.setFill(colorOf(data, i));
            g.fillRect(sx - half, sy - half, size, size);
        }
    }

    /** The colour of each price category of the data drawn, worked out once per data set. */
    private Color[] categoryColors(SeatMapData data) {
        if (data != colorsOf) {
            categoryColors = colors(data);
            colorsOf = data;
        }
        return categoryColors;
    }

    private Color colorOf(SeatMapData data, int seat) {
        return switch (getSkinnable().stateOf(seat)) {
            case 'H' -> HELD;
            case 'S' -> SOLD;
            case 'B' -> BLOCKED;
            case 'A' -> ALLOCATED;
            default -> categoryColors(data)[data.categoryIndex(seat)];
        };
    }

    /** Where a seat's centre is drawn, in the control's coordinates (for tests and tooltips). */
    double screenX(int seat) {
        return getSkinnable().getData().x(seat) * scale + offsetX;
    }

    double screenY(int seat) {
        return getSkinnable().getData().y(seat) * scale + offsetY;
    }
}

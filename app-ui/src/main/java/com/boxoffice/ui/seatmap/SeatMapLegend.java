package com.boxoffice.ui.seatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.boxoffice.core.venue.PriceCategory;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * What the seat map's colours and shapes mean: each price category (its colour, name and, when
 * given, its price) and each seat state with the shape it is drawn in, the same pictures the map
 * draws. Reusable beside any {@link SeatMap}.
 */
public class SeatMapLegend extends VBox {

    private static final int PICTURE = 16;

    private List<PriceCategory> categories = List.of();
    private Map<String, String> prices = Map.of();

    public SeatMapLegend() {
        getStyleClass().add("seat-map-legend");
        getStylesheets().add(SeatMapLegend.class.getResource("seat-map.css").toExternalForm());
        setFillWidth(true);
        rebuild();
    }

    /** The price categories to explain (in the order given). */
    public void setCategories(List<PriceCategory> categories) {
        this.categories = List.copyOf(categories);
        rebuild();
    }

    /** Price texts by category code (e.g. "A" -> "£45.00"); categories without one show no price. */
    public void setPrices(Map<String, String> pricesByCategory) {
        this.prices = Map.copyOf(pricesByCategory);
        rebuild();
    }

    private void rebuild() {
        List<Node> rows = new ArrayList<>();
        if (!categories.isEmpty()) {
            rows.add(heading("Prices"));
            for (PriceCategory category : categories) {
                Color color = Color.web(category.color());
                rows.add(row(picture(SeatShapes.Kind.AVAILABLE, color, false), category.name(), prices.get(category.code())));
            }
        }
        rows.add(heading("Seats"));
        Color neutral = Color.web("#7a828c");
        rows.add(row(picture(SeatShapes.Kind.AVAILABLE, neutral, false), "Available", null));
        rows.add(row(picture(SeatShapes.Kind.AVAILABLE, neutral, true), "Selected", null));
        rows.add(row(picture(SeatShapes.Kind.HELD_BY_ME, null, false), "Held by you", null));
        rows.add(row(picture(SeatShapes.Kind.HELD, null, false), "Held by others", null));
        rows.add(row(picture(SeatShapes.Kind.SOLD, null, false), "Sold", null));
        rows.add(row(picture(SeatShapes.Kind.BLOCKED, null, false), "Blocked", null));
        rows.add(row(picture(SeatShapes.Kind.ALLOCATED, null, false), "Allocated to a terminal", null));
        rows.add(heading("Sections (zoomed out)"));
        rows.add(row(swatch(SeatMapSkin.fullness(0)), "Empty", null));
        rows.add(row(swatch(SeatMapSkin.fullness(0.5)), "Half full", null));
        rows.add(row(swatch(SeatMapSkin.fullness(1)), "Full", null));
        getChildren().setAll(rows);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }

    private static HBox row(Node picture, String name, String price) {
        Label label = new Label(name);
        HBox row = new HBox(8, picture, label);
        row.setAlignment(Pos.CENTER_LEFT);
        if (price != null) {
            Label priceLabel = new Label(price);
            priceLabel.getStyleClass().add("price");
            row.getChildren().add(priceLabel);
        }
        return row;
    }

    private static Node picture(SeatShapes.Kind kind, Color price, boolean selected) {
        int[] argb = SeatShapes.picture(kind, price, PICTURE, selected);
        WritableImage image = new WritableImage(PICTURE, PICTURE);
        image.getPixelWriter().setPixels(0, 0, PICTURE, PICTURE, PixelFormat.getIntArgbPreInstance(), argb, 0, PICTURE);
        return new ImageView((Image) image);
    }

    private static Node swatch(Color color) {
        Region swatch = new Region();
        swatch.setMinSize(PICTURE, PICTURE);
        swatch.setPrefSize(PICTURE, PICTURE);
        swatch.setMaxSize(PICTURE, PICTURE);
        swatch.setStyle("-fx-background-color: " + web(color) + "; -fx-border-color: #c9d1d9;");
        return swatch;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}

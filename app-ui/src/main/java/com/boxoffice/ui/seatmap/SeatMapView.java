package com.boxoffice.ui.seatmap;

import java.util.Map;

import com.boxoffice.core.hold.SeatChange;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * A performance's live seat map with its legend (price categories and seat shapes) and a status line.
 * Builds nodes and binds; the view model does the work.
 */
public class SeatMapView implements SeatMapViewModel.Display {

    private final BorderPane root = new BorderPane();
    private final SeatMap map = new SeatMap();
    private final SeatMapLegend legend = new SeatMapLegend();

    public SeatMapView(SeatMapViewModel model) {
        map.setId("seat-map");
        Label status = new Label();
        status.setId("seat-map-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(6, 16, 6, 16));
        Label help = new Label("Drag or Ctrl+arrows: move   Scroll or + / -: zoom   0: whole house   "
                + "Click or Space: select   Shift+drag: select an area   Arrows: next seat   Esc: clear");
        help.getStyleClass().add("help");
        help.setPadding(new Insets(6, 16, 6, 16));
        help.setMinWidth(0);
        // the help line is the centre, so it gives way (ellipsis) when the window is narrow: a
        // BorderPane's left and right keep their preferred widths and would push panels off screen
        BorderPane footer = new BorderPane(help, null, null, null, status);
        BorderPane.setAlignment(help, javafx.geometry.Pos.CENTER_RIGHT);
        legend.setId("seat-map-legend");
        root.setCenter(map);
        root.setRight(legend);
        root.setBottom(footer);
    }

    public Parent root() {
        return root;
    }

    public SeatMap map() {
        return map;
    }

    public SeatMapLegend legend() {
        return legend;
    }

    /** Price texts by category code, shown in the legend and the seat tooltips. */
    public void setPrices(Map<String, String> pricesByCategory) {
        map.setPrices(pricesByCategory);
        legend.setPrices(pricesByCategory);
    }

    @Override
    public void show(SeatMapData data, String states) {
        legend.setCategories(data.categories());
        map.setData(data);
        map.setStates(states);
    }

    @Override
    public void replaceStates(String states) {
        map.setStates(states);
    }

    @Override
    public void apply(SeatChange change) {
        map.apply(change);
    }
}

package com.boxoffice.ui.seatmap;

import com.boxoffice.core.hold.SeatChange;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** A performance's live seat map with a status line. Builds nodes and binds; the view model does the work. */
public class SeatMapView implements SeatMapViewModel.Display {

    private final BorderPane root = new BorderPane();
    private final SeatMap map = new SeatMap();

    public SeatMapView(SeatMapViewModel model) {
        map.setId("seat-map");
        Label status = new Label();
        status.setId("seat-map-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(6, 16, 6, 16));
        Label help = new Label("Drag or arrows: move   Scroll or + / -: zoom   0: whole house");
        help.getStyleClass().add("help");
        help.setPadding(new Insets(6, 16, 6, 16));
        BorderPane footer = new BorderPane(null, null, help, null, status);
        root.setCenter(map);
        root.setBottom(footer);
    }

    public Parent root() {
        return root;
    }

    public SeatMap map() {
        return map;
    }

    @Override
    public void show(SeatMapData data, String states) {
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

package com.boxoffice.ui.manager;

import java.util.List;

import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.ui.seatmap.SeatMapData;
import com.boxoffice.ui.seatmap.SeatMapView;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A manager's view of one performance: the live map, live counts (by state, and by price category
 * in a chart that fills as the sale goes on), and the seat actions. Builds nodes and binds.
 */
public class ManagerView {

    private static final SeatState[] SHOWN = {SeatState.SOLD, SeatState.HELD, SeatState.ALLOCATED, SeatState.BLOCKED,
            SeatState.AVAILABLE};

    private final BorderPane root = new BorderPane();
    private final Timeline refresh;

    public ManagerView(ManagerViewModel model, SeatMapView map, LiveCounts counts, Node sales) {
        GridPane totals = new GridPane(12, 2);
        totals.setId("manager-totals");
        for (int i = 0; i < SHOWN.length; i++) {
            SeatState state = SHOWN[i];
            Label number = new Label();
            number.setId("count-" + state.name().toLowerCase(java.util.Locale.ROOT));
            number.getStyleClass().add("big-number");
            number.textProperty().bind(Bindings.createStringBinding(
                    () -> String.format("%,d", counts.totalProperty(state).get()), counts.totalProperty(state)));
            Label name = new Label(label(state));
            name.getStyleClass().add("help");
            totals.add(number, i, 0);
            totals.add(name, i, 1);
        }

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("Seats");
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("manager-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(300);
        chart.setMinHeight(240);
        chart.setMinWidth(0);
        chart.setPrefWidth(480);
        chart.setCategoryGap(18);
        List<SeatState> charted = List.of(SeatState.SOLD, SeatState.HELD, SeatState.ALLOCATED, SeatState.BLOCKED,
                SeatState.AVAILABLE);
        for (SeatState state : charted) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(label(state));
            chart.getData().add(series);
        }
        // redrawn once a second at most: a flash sale changes thousands of seats a second
        long[] drawn = {-1};
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (counts.data() == null || counts.versionProperty().get() == drawn[0]) {
                return;
            }
            drawn[0] = counts.versionProperty().get();
            fill(chart, counts, charted);
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();

        TextField reason = new TextField();
        reason.setId("block-reason");
        reason.setPromptText("Reason, e.g. house seats");
        reason.setPrefColumnCount(12);
        Button block = new Button("Block");
        block.setId("block");
        block.setOnAction(e -> model.block(reason.getText()));
        Button unblock = new Button("Unblock");
        unblock.setId("unblock");
        unblock.setOnAction(e -> model.unblock());
        TextField terminal = new TextField();
        terminal.setId("allocate-terminal");
        terminal.setPromptText("Terminal, e.g. window-2");
        terminal.setPrefColumnCount(12);
        Button allocate = new Button("Allocate");
        allocate.setId("allocate");
        allocate.setOnAction(e -> model.allocate(terminal.getText()));
        Button deallocate = new Button("Take back");
        deallocate.setId("deallocate");
        deallocate.setOnAction(e -> model.deallocate(terminal.getText()));
        for (Button b : List.of(block, unblock, allocate, deallocate)) {
            b.disableProperty().bind(model.busyProperty());
        }
        GridPane actions = new GridPane(8, 8);
        actions.addRow(0, reason, block, unblock);
        actions.addRow(1, terminal, allocate, deallocate);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        GridPane.setHgrow(terminal, Priority.ALWAYS);
        Label hint = new Label("Select seats on the map (click, or Shift+drag), then block or allocate them.");
        hint.getStyleClass().add("help");
        hint.setWrapText(true);
        Label message = new Label();
        message.setId("manager-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        model.problemProperty().addListener((obs, was, is) -> message.getStyleClass().setAll("label", is ? "problem" : "notice"));
        message.getStyleClass().add("notice");

        VBox side = new VBox(12,
                section("Live counts", new VBox(10, totals, chart)),
                section("Sold by channel and terminal", sales),
                section("Seats", new VBox(8, hint, actions, message)));
        side.setPadding(new Insets(12));
        for (Node section : side.getChildren()) {
            ((javafx.scene.layout.Region) section).setMinWidth(0);
            ((javafx.scene.layout.Region) section).setPrefWidth(500);
        }
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(560);
        scroll.getStyleClass().add("sale-side");
        root.setCenter(map.root());
        root.setRight(scroll);
    }

    private static void fill(StackedBarChart<String, Number> chart, LiveCounts counts, List<SeatState> charted) {
        SeatMapData data = counts.data();
        List<PriceCategory> categories = data.categories();
        for (int s = 0; s < charted.size(); s++) {
            XYChart.Series<String, Number> series = chart.getData().get(s);
            if (series.getData().size() != categories.size()) {
                var points = FXCollections.<XYChart.Data<String, Number>>observableArrayList();
                for (PriceCategory category : categories) {
                    points.add(new XYChart.Data<>(category.name(), 0));
                }
                series.setData(points);
            }
            for (int c = 0; c < categories.size(); c++) {
                series.getData().get(c).setYValue(counts.count(c, charted.get(s)));
            }
        }
    }

    static String label(SeatState state) {
        return switch (state) {
            case AVAILABLE -> "Available";
            case HELD -> "Held";
            case SOLD -> "Sold";
            case BLOCKED -> "Blocked";
            case ALLOCATED -> "Allocated";
        };
    }

    private static Node section(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    public Parent root() {
        return root;
    }

    /** Stops the chart's refresh. */
    public void close() {
        refresh.stop();
    }
}

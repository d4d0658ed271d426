package com.boxoffice.ui.shell;

import java.util.function.Function;
import java.util.function.Supplier;

import com.boxoffice.ui.seatmap.SeatMapView;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The first screen: the performances on sale and how many seats each has left. Builds nodes, binds, no rules. */
public class ShellView {

    private final BorderPane root = new BorderPane();

    private final TabPane tabs = new TabPane();
    private final Supplier<SeatMapViewModel> seatMaps;

    public ShellView(PerformanceListViewModel model, Supplier<SeatMapViewModel> seatMaps) {
        this.seatMaps = seatMaps;
        Label title = new Label("Box office");
        title.getStyleClass().add("title");
        Label mode = new Label("Demo mode");
        mode.getStyleClass().add("mode");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("_Refresh (F5)");
        refresh.setId("refresh");
        refresh.setOnAction(e -> model.refresh());
        HBox header = new HBox(12, title, mode, spacer, busy, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");

        TableView<PerformanceRow> table = new TableView<>(model.rows());
        table.setId("performances");
        table.setPlaceholder(new Label("Loading performances..."));
        table.getColumns().add(column("Performance", PerformanceRow::title, 260));
        table.getColumns().add(column("Venue", PerformanceRow::venue, 260));
        table.getColumns().add(column("Starts", PerformanceRow::startsAt, 200));
        table.getColumns().add(count("Seats", PerformanceRow::seats));
        table.getColumns().add(count("Available", PerformanceRow::available));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setPadding(new Insets(8, 16, 8, 16));

        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                openSeatMap(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                openSeatMap(table.getSelectionModel().getSelectedItem());
            }
        });
        Tab list = new Tab("Performances", new BorderPane(table, null, null, problem, null));
        list.setClosable(false);
        BorderPane.setMargin(table, new Insets(12, 16, 16, 16));
        tabs.getTabs().add(list);
        tabs.setId("tabs");

        root.setTop(header);
        root.setCenter(tabs);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::refresh);
            }
        });
    }

    private static <T> TableColumn<PerformanceRow, T> column(String heading, Function<PerformanceRow, T> value, double width) {
        TableColumn<PerformanceRow, T> column = new TableColumn<>(heading);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column of seat counts: right-aligned with thousands separators, so sizes compare at a glance. */
    private static TableColumn<PerformanceRow, Long> count(String heading, Function<PerformanceRow, Long> value) {
        TableColumn<PerformanceRow, Long> column = column(heading, value, 110);
        column.getStyleClass().add("count");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item));
            }
        });
        return column;
    }

    /** Shows a performance's live seat map in a tab of its own (the one already open, if any). */
    private void openSeatMap(PerformanceRow row) {
        String tabId = "seat-map-" + row.performanceId();
        for (Tab tab : tabs.getTabs()) {
            if (tabId.equals(tab.getId())) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        SeatMapViewModel model = seatMaps.get();
        SeatMapView view = new SeatMapView(model);
        Tab tab = new Tab(row.title() + " - " + row.venue(), view.root());
        tab.setId(tabId);
        tab.setOnClosed(e -> model.close());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        model.open(row.performanceId(), view);
        view.map().requestFocus();
    }

    public Parent root() {
        return root;
    }
}

package com.boxoffice.ui.shell;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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

    public ShellView(PerformanceListViewModel model) {
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

        root.setTop(header);
        root.setCenter(table);
        root.setBottom(problem);
        BorderPane.setMargin(table, new Insets(0, 16, 16, 16));
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

    public Parent root() {
        return root;
    }
}

package com.boxoffice.ui.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.boxoffice.ui.common.Shortcut;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The "Conflicts" tool of manager mode: the sync server's conflicts in a table, the chosen one in
 * words below it, and the three decisions with a note. The list is read again every
 * {@link #REFRESH_EVERY} and on F5. Builds nodes and binds to {@link ConflictsViewModel}.
 */
public class ConflictsPane {

    static final Duration REFRESH_EVERY = Duration.seconds(10);

    private static final KeyCodeCombination RESOLVED_KEY = new KeyCodeCombination(KeyCode.F4);
    private static final KeyCodeCombination REFRESH_KEY = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCodeCombination KEEP_KEY = new KeyCodeCombination(KeyCode.F6);
    private static final KeyCodeCombination REFUND_KEY = new KeyCodeCombination(KeyCode.F7);
    private static final KeyCodeCombination MOVE_KEY = new KeyCodeCombination(KeyCode.F8);
    private static final KeyCodeCombination FROM_MAP_KEY = new KeyCodeCombination(KeyCode.F9);

    private final ConflictsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ConflictRow> table;
    private final TextField note = new TextField();
    private final TextField seats = new TextField();
    private final VBox details = new VBox(6);
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final Timeline refresh;

    public ConflictsPane(ConflictsViewModel model) {
        this.model = model;
        root.getStyleClass().add("conflicts");
        root.setPadding(new Insets(16));

        CheckBox showResolved = new CheckBox("Show resolved too  (" + RESOLVED_KEY.getDisplayText() + ")");
        showResolved.setId("show-resolved");
        showResolved.selectedProperty().bindBidirectional(model.showResolvedProperty());
        Button reload = new Button("Refresh  (" + REFRESH_KEY.getDisplayText() + ")");
        reload.setId("conflicts-refresh");
        reload.setOnAction(e -> model.refresh());
        Label heading = new Label("Sync conflicts");
        heading.getStyleClass().add("total");
        Label status = new Label();
        status.setId("conflicts-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(model.listStatusProperty());
        status.getStyleClass().add("help");
        model.listProblemProperty().addListener((obs, was, is) ->
                status.getStyleClass().setAll("label", is ? "problem" : "help"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, heading, spacer, showResolved, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        Label explain = new Label("Sales from terminals that found their seats taken when they reached the sync "
                + "server. The first buyer keeps a seat; the later one was re-seated in the same price category, or is "
                + "due a refund when none was left. Decide each: keep the new seats, refund the buyer, or move them.");
        explain.getStyleClass().add("help");
        explain.setWrapText(true);
        root.setTop(new VBox(6, top, explain, status));

        table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        BorderPane.setMargin(table, new Insets(12, 0, 12, 0));
        root.setCenter(table);
        root.setBottom(decisionForm());

        model.selectedProperty().addListener((obs, old, row) -> showDetails(row));
        showDetails(null);
        model.decisionsProperty().addListener((obs, old, n) -> {
            note.clear();
            seats.clear();
        });

        shortcuts.add(new Shortcut(RESOLVED_KEY, () -> model.showResolvedProperty().set(!model.showResolvedProperty().get())));
        shortcuts.add(new Shortcut(REFRESH_KEY, model::refresh));
        shortcuts.add(new Shortcut(KEEP_KEY, () -> model.keepNewSeats(note.getText())));
        shortcuts.add(new Shortcut(REFUND_KEY, () -> model.refund(note.getText())));
        shortcuts.add(new Shortcut(MOVE_KEY, () -> model.move(seats.getText(), note.getText())));
        shortcuts.add(new Shortcut(FROM_MAP_KEY, this::seatsFromMap));

        refresh = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        model.refresh();
    }

    private TableView<ConflictRow> table() {
        TableView<ConflictRow> view = new TableView<>(model.rows());
        view.setId("conflicts");
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.listProblemProperty())
                .then("Nothing could be read from the sync server: see the line above.")
                .otherwise("No open conflicts: every sale from the terminals kept its seats."));
        view.setPlaceholder(empty);
        view.getColumns().add(column("Performance", ConflictRow::performance, 200));
        view.getColumns().add(column("Terminal", r -> r.conflict().terminalId(), 100));
        view.getColumns().add(column("Order", ConflictRow::order, 100));
        view.getColumns().add(column("Tier", r -> r.conflict().category(), 50));
        view.getColumns().add(column("Wanted", ConflictRow::wanted, 130));
        view.getColumns().add(column("Who had them", ConflictRow::takenBy, 260));
        view.getColumns().add(column("Server did", ConflictRow::serverDid, 130));
        view.getColumns().add(column("Seats now", ConflictRow::seatsNow, 130));
        view.getColumns().add(column("Age", ConflictRow::age, 80));
        List<TableColumn<ConflictRow, String>> decided = List.of(
                column("Decision", ConflictRow::decision, 130),
                column("By", ConflictRow::resolvedBy, 150),
                column("When", ConflictRow::resolvedAt, 110),
                column("Note", ConflictRow::note, 200));
        for (TableColumn<ConflictRow, String> column : decided) {
            column.visibleProperty().bind(model.showResolvedProperty());
            view.getColumns().add(column);
        }
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.select(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && view.getSelectionModel().getSelectedItem() != row) {
                view.getSelectionModel().select(row);
            }
        });
        return view;
    }

    private Node decisionForm() {
        BooleanBinding noOpenChoice = Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.selectedProperty().get().open(),
                model.selectedProperty());
        Button keep = new Button("Keep new seats  (" + KEEP_KEY.getDisplayText() + ")");
        keep.setId("keep-new-seats");
        keep.setOnAction(e -> model.keepNewSeats(note.getText()));
        keep.disableProperty().bind(model.busyProperty().or(noOpenChoice).or(Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() != null && !model.selectedProperty().get().reseated(),
                model.selectedProperty())));
        Button refund = new Button("Refund buyer  (" + REFUND_KEY.getDisplayText() + ")");
        refund.setId("refund-buyer");
        refund.setOnAction(e -> model.refund(note.getText()));
        refund.disableProperty().bind(model.busyProperty().or(noOpenChoice));
        Button move = new Button("Move to seats\u2026  (" + MOVE_KEY.getDisplayText() + ")");
        move.setId("move-buyer");
        move.setOnAction(e -> model.move(seats.getText(), note.getText()));
        move.disableProperty().bind(model.busyProperty().or(noOpenChoice));
        Button fromMap = new Button("From map  (" + FROM_MAP_KEY.getDisplayText() + ")");
        fromMap.setId("seats-from-map");
        fromMap.setOnAction(e -> seatsFromMap());
        fromMap.disableProperty().bind(noOpenChoice);

        note.setId("conflict-note");
        note.setPromptText("Why, e.g. buyer agreed by phone (kept with the decision)");
        seats.setId("move-seats");
        seats.setPromptText("Seat ids, comma separated, e.g. STALLS-F-11, STALLS-F-12");
        seats.setOnAction(e -> move.fire());

        GridPane form = new GridPane(10, 8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(200, 420, Double.MAX_VALUE));
        form.addRow(0, key("Note"), note, keep, refund);
        form.addRow(1, key("Move to"), seats, fromMap, move);
        GridPane.setHgrow(note, Priority.ALWAYS);
        GridPane.setHgrow(seats, Priority.ALWAYS);

        Label message = new Label();
        message.setId("conflicts-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        model.problemProperty().addListener((obs, was, is) -> message.getStyleClass().setAll("label", is ? "problem" : "notice"));
        message.getStyleClass().add("notice");
        Label hint = new Label("Choose a conflict with the arrow keys, type a note if you like, then decide. To move "
                + "the buyer, type seat ids, or select seats on the performance's map and press "
                + FROM_MAP_KEY.getDisplayText() + ". Seats must be free and of the price tier the buyer paid for.");
        hint.getStyleClass().add("help");
        hint.setWrapText(true);

        TitledPane chosen = new TitledPane("Chosen conflict", new VBox(10, details, form, hint, message));
        chosen.setCollapsible(false);
        chosen.getStyleClass().add("step");
        return chosen;
    }

    private void showDetails(ConflictRow row) {
        details.getChildren().clear();
        if (row == null) {
            Label none = new Label(model.rows().isEmpty() ? "Nothing to decide." : "Pick a conflict in the list above.");
            none.getStyleClass().add("help");
            details.getChildren().add(none);
            return;
        }
        GridPane facts = new GridPane(18, 4);
        facts.setId("conflict-details");
        var c = row.conflict();
        facts.addRow(0, key("Order"), value("conflict-order", row.order() + " (" + c.orderId() + "), sold at terminal "
                + c.terminalId() + (row.age().isEmpty() ? "" : ", " + row.age() + (row.age().equals("just now") ? "" : " ago"))));
        facts.addRow(1, key("Performance"), value("conflict-performance", row.performance()));
        facts.addRow(2, key("Wanted"), value("conflict-wanted", model.seatNames(row, c.wantedSeats())));
        facts.addRow(3, key("Who had them"), value("conflict-taken", row.takenBy()));
        facts.addRow(4, key("Server did"), value("conflict-server-did", row.serverDid()));
        facts.addRow(5, key("Seats now"), value("conflict-seats-now", model.seatNames(row, c.newSeats())));
        if (!row.open()) {
            facts.addRow(6, key("Decided"), value("conflict-decided", row.decision() + " by " + row.resolvedBy() + ", "
                    + row.resolvedAt() + (row.note().isEmpty() ? "" : ": " + row.note())));
        }
        details.getChildren().add(facts);
    }

    private void seatsFromMap() {
        String found = model.seatsFromMap();
        if (found != null) {
            seats.setText(found);
        }
    }

    private static TableColumn<ConflictRow, String> column(String heading, Function<ConflictRow, String> value, double width) {
        TableColumn<ConflictRow, String> column = new TableColumn<>(heading);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    /** Keys of this tool; the shell installs them while its tab is showing. */
    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    /** Puts the keyboard on the list, ready for the arrow keys. */
    public void focus() {
        Platform.runLater(table::requestFocus);
    }

    /** Stops reading the list (signing out). */
    public void close() {
        refresh.stop();
    }

    public Parent root() {
        return root;
    }

    /**
     * What the tool shows when this client has no sync server: where conflicts live and how to
     * connect it.
     */
    public static Parent notConnected() {
        Label heading = new Label("Sync conflicts");
        heading.getStyleClass().add("total");
        Label text = new Label("Conflicts live on the sync server: a terminal's offline sale that found its seats taken "
                + "is settled there, and managers decide it there. This client is not connected to a sync server.\n\n"
                + "To connect it, set two settings and start the client again:\n"
                + "  boxoffice.client.sync-url: the sync server's address, e.g. http://sync.example:8080\n"
                + "  boxoffice.client.sync-credential: this terminal's credential (terminalId.secret), as registering "
                + "it on the sync server as a manager terminal gave it.");
        text.setId("conflicts-not-connected");
        text.setWrapText(true);
        VBox box = new VBox(12, heading, text);
        box.setPadding(new Insets(20));
        box.setMaxWidth(820);
        return box;
    }
}

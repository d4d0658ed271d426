package com.boxoffice.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.boxoffice.ui.common.Shortcut;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window of the box-office and manager modes: a header (mode, terminal, how the sales' delivery
 * stands, who is signed in), a banner while the terminal sells without the seat server, and tabs: the
 * performances on sale, one tab per opened performance, and the mode's own tools. Keys of the tab
 * showing are live; the others' are not.
 */
public class ShellView {

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Function<PerformanceRow, OpenedPerformance> opener;
    private final Map<Tab, List<Shortcut>> tabShortcuts = new HashMap<>();
    private final List<KeyCombination> installed = new ArrayList<>();
    /** Keys of the whole window (F5, the tool tabs' keys), whichever tab is showing. */
    private final Map<KeyCombination, Runnable> windowKeys = new HashMap<>();
    private final List<Runnable> closers = new ArrayList<>();
    private boolean closed;
    private final HBox header;
    private final Label user = new Label();

    public ShellView(ClientMode mode, String terminalId, PerformanceListViewModel model, OfflineSelling connection,
                     SyncStatus sync, Function<PerformanceRow, OpenedPerformance> opener) {
        this.opener = opener;
        Label title = new Label(mode.title());
        title.getStyleClass().add("title");
        Label terminal = new Label("Terminal " + terminalId);
        terminal.getStyleClass().add("mode");
        user.setId("signed-in");
        user.getStyleClass().add("user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("_Refresh (F5)");
        refresh.setId("refresh");
        refresh.setOnAction(e -> model.refresh());
        header = new HBox(12, title, terminal, syncStatus(sync), spacer, busy, user, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");

        Label banner = new Label();
        banner.setId("connection-banner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(connection.bannerProperty());
        banner.visibleProperty().bind(connection.offlineProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        Label reconnected = note("reconnected-notice", "notice", connection.noticeProperty());
        Label outcomes = note("sync-outcomes", "sync-attention", sync.outcomesProperty());

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
        Label hint = new Label("Select a performance and press Enter (or double-click) to open it.");
        hint.getStyleClass().add("help");
        hint.setPadding(new Insets(0, 16, 12, 16));

        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open(table.getSelectionModel().getSelectedItem());
            }
        });
        Tab list = new Tab("Performances", new BorderPane(table, null, null, new VBox(problem, hint), null));
        list.setId("performances-tab");
        list.setClosable(false);
        BorderPane.setMargin(table, new Insets(12, 16, 8, 16));
        tabs.getTabs().add(list);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> installShortcuts(tab));

        root.setTop(new VBox(header, banner, reconnected, outcomes));
        root.setCenter(tabs);
        windowKeys.put(new KeyCodeCombination(KeyCode.F5), model::refresh);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(tabs.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** How the delivery of this terminal's sales to the sync server stands, for a header. */
    public static Label syncStatus(SyncStatus sync) {
        Label status = new Label();
        status.setId("sync-status");
        status.getStyleClass().add("sync");
        status.textProperty().bind(sync.statusProperty());
        return status;
    }

    /** A full-width line that shows only while it has something to say. */
    private static Label note(String id, String styleClass, javafx.beans.value.ObservableStringValue text) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add(styleClass);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setWrapText(true);
        note.textProperty().bind(text);
        note.visibleProperty().bind(Bindings.isNotEmpty(text));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** Shows who is signed in, with a button to sign out. */
    public void setUser(String name, Node signOut) {
        user.setText(name);
        if (signOut != null && !header.getChildren().contains(signOut)) {
            header.getChildren().add(signOut);
        }
    }

    /** A tool tab of the mode that is always there (find an order, the shift, ...), opened by {@code key}. */
    public Tab addTool(String id, String title, Parent content, KeyCombination key, List<Shortcut> shortcuts) {
        Tab tab = new Tab(title + "  (" + key.getDisplayText() + ")", content);
        tab.setId(id);
        tab.setClosable(false);
        tabShortcuts.put(tab, List.copyOf(shortcuts));
        tabs.getTabs().add(tab);
        windowKeys.put(key, () -> tabs.getSelectionModel().select(tab));
        installShortcuts(tabs.getSelectionModel().getSelectedItem());
        return tab;
    }

    /** Runs {@code closer} when the shell closes (signing out, the client stopping). */
    public void whenClosing(Runnable closer) {
        closers.add(closer);
    }

    /**
     * The window's keys, then the showing tab's. A tab's key that the window also has (F5) does both:
     * the tab's refresh comes on top of the window's.
     */
    private void installShortcuts(Tab tab) {
        Scene scene = root.getScene();
        if (scene == null || closed) {
            return;
        }
        installed.forEach(scene.getAccelerators()::remove);
        installed.clear();
        scene.getAccelerators().putAll(windowKeys);
        installed.addAll(windowKeys.keySet());
        for (Shortcut shortcut : tabShortcuts.getOrDefault(tab, List.of())) {
            Runnable window = windowKeys.get(shortcut.key());
            scene.getAccelerators().put(shortcut.key(), window == null ? shortcut.action() : () -> {
                window.run();
                shortcut.action().run();
            });
            installed.add(shortcut.key());
        }
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

    /** Shows a performance in a tab of its own (the one already open, if any). */
    public void open(PerformanceRow row) {
        String tabId = "performance-" + row.performanceId();
        for (Tab tab : tabs.getTabs()) {
            if (tabId.equals(tab.getId())) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        OpenedPerformance opened = opener.apply(row);
        Tab tab = new Tab(row.title() + " - " + row.venue(), opened.root());
        tab.setId(tabId);
        tab.setOnClosed(e -> {
            tabShortcuts.remove(tab);
            opened.close().run();
        });
        tabShortcuts.put(tab, opened.shortcuts());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        if (opened.focus() != null) {
            opened.focus().requestFocus();
        }
    }

    /** Closes every opened performance and stops what the tool tabs run (signing out). */
    public void closeAll() {
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            if (tab.isClosable()) {
                tabs.getTabs().remove(tab);
                if (tab.getOnClosed() != null) {
                    tab.getOnClosed().handle(null);
                }
            }
        }
        closers.forEach(Runnable::run);
        closers.clear();
        // the next person signed in at this window must not reach this shell's actions by key
        closed = true;
        Scene scene = root.getScene();
        if (scene != null) {
            installed.forEach(scene.getAccelerators()::remove);
        }
        installed.clear();
    }

    public Parent root() {
        return root;
    }
}

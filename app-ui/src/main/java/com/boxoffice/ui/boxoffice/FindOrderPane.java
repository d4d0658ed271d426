package com.boxoffice.ui.boxoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.boxoffice.core.sale.OrderView;
import com.boxoffice.ui.common.Shortcut;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Find order" tool: a search field on top, the orders found on the left, and the chosen order
 * on the right (seats, payments, refunds so far) with a refund of the ticked seats, or an exchange
 * of them for other seats. Builds nodes and binds to {@link FindOrderViewModel}.
 */
public class FindOrderPane {

    private static final KeyCodeCombination REFUND_KEY = new KeyCodeCombination(KeyCode.F7);
    private static final KeyCodeCombination EXCHANGE_KEY = new KeyCodeCombination(KeyCode.F8);

    private final FindOrderViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField query = new TextField();
    private final TextField reason = new TextField();
    private final Button refund = new Button("Refund selected seats  (" + REFUND_KEY.getDisplayText() + ")");
    private final Button exchange = new Button("Exchange\u2026  (" + EXCHANGE_KEY.getDisplayText() + ")");
    private final VBox orderBox = new VBox(12);
    private final List<Shortcut> shortcuts = new ArrayList<>();

    public FindOrderPane(FindOrderViewModel model) {
        this.model = model;
        root.getStyleClass().add("find-order");
        root.setPadding(new Insets(16));

        root.setTop(searchBar());
        ListView<OrderView> results = results();
        VBox left = new VBox(6, heading("Orders found"), results);
        VBox.setVgrow(results, Priority.ALWAYS);
        left.setPrefWidth(340);
        left.setMinWidth(280);

        orderBox.setPadding(new Insets(0, 4, 12, 4));
        ScrollPane details = new ScrollPane(orderBox);
        details.setId("find-details");
        details.setFitToWidth(true);
        details.getStyleClass().add("find-details");
        HBox body = new HBox(16, left, details);
        HBox.setHgrow(details, Priority.ALWAYS);
        BorderPane.setMargin(body, new Insets(12, 0, 0, 0));
        root.setCenter(body);

        refund.setId("refund-seats");
        refund.setOnAction(e -> model.refundChosen(reason.getText()));
        exchange.setId("exchange-seats");
        exchange.setOnAction(e -> model.exchangeChosen(reason.getText()));
        for (Button action : List.of(refund, exchange)) {
            action.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
        }
        shortcuts.add(new Shortcut(REFUND_KEY, () -> fireIfEnabled(refund)));
        shortcuts.add(new Shortcut(EXCHANGE_KEY, () -> fireIfEnabled(exchange)));
        reason.setId("refund-reason");
        reason.setPromptText("Why, e.g. cannot attend");
        model.giveBackProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                reason.clear();
            }
        });
        model.selectedProperty().addListener((obs, old, order) -> showOrder(order));
        showOrder(null);
    }

    private static void fireIfEnabled(Button button) {
        if (!button.isDisabled()) {
            button.fire();
        }
    }

    private Node searchBar() {
        query.setId("find-query");
        query.setPromptText("Reference printed on the ticket (e.g. 1A2B3C4D), order id or ticket id");
        query.setOnAction(e -> model.search(query.getText()));
        Button search = new Button("Search  (Enter)");
        search.setId("find-search");
        search.setOnAction(e -> model.search(query.getText()));
        search.disableProperty().bind(model.busyProperty());
        Label label = new Label("Find order");
        label.getStyleClass().add("total");
        HBox line = new HBox(10, label, query, search);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(query, Priority.ALWAYS);

        Label message = new Label();
        message.setId("find-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        model.problemProperty().addListener((obs, was, is) -> message.getStyleClass().setAll("label", is ? "problem" : "notice"));
        message.getStyleClass().add("notice");

        Label giveBack = new Label();
        giveBack.setId("refund-give-back");
        giveBack.getStyleClass().add("give-back");
        giveBack.setMaxWidth(Double.MAX_VALUE);
        giveBack.setWrapText(true);
        giveBack.textProperty().bind(model.giveBackProperty());
        giveBack.visibleProperty().bind(Bindings.isNotEmpty(model.giveBackProperty()));
        giveBack.managedProperty().bind(giveBack.visibleProperty());
        return new VBox(8, line, giveBack, message);
    }

    private ListView<OrderView> results() {
        ListView<OrderView> list = new ListView<>(model.results());
        list.setId("find-results");
        list.setPlaceholder(new Label("Orders found appear here"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OrderView order, boolean empty) {
                super.updateItem(order, empty);
                if (empty || order == null) {
                    setText(null);
                    return;
                }
                int live = (int) order.seats().stream().filter(s -> s.ticketStatus() == com.boxoffice.core.ticket.TicketStatus.LIVE).count();
                setText(order.shortReference() + "   " + words(order.status().name()) + "\n"
                        + model.performanceName(order) + "\n"
                        + order.seats().size() + (order.seats().size() == 1 ? " seat" : " seats")
                        + (live < order.seats().size() ? " (" + live + " live)" : "") + ", "
                        + model.format(order.totalMinor(), order.currency()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, order) -> {
            if (order != null) {
                model.select(order);
            }
        });
        model.selectedProperty().addListener((obs, old, order) -> {
            if (order != null && list.getSelectionModel().getSelectedItem() != order) {
                list.getSelectionModel().select(order);
            }
        });
        return list;
    }

    private void showOrder(OrderView order) {
        orderBox.getChildren().clear();
        if (order == null) {
            Label empty = new Label(model.results().isEmpty()
                    ? "Type the reference printed on the ticket and press Enter. The order shows here."
                    : "Pick an order on the left to see it here.");
            empty.getStyleClass().add("help");
            empty.setPadding(new Insets(8, 0, 0, 0));
            orderBox.getChildren().add(empty);
            return;
        }
        orderBox.getChildren().addAll(summary(order), seats(order), refundForm(), money(order));
    }

    private Node summary(OrderView order) {
        Label ref = new Label("Order " + order.shortReference());
        ref.setId("order-reference");
        ref.getStyleClass().add("total");
        Label status = new Label(words(order.status().name()));
        status.setId("order-status");
        status.getStyleClass().addAll("order-status", "order-status-" + order.status().name().toLowerCase(Locale.ROOT));
        HBox title = new HBox(12, ref, status);
        title.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = grid();
        facts.addRow(0, key("Performance"), value("order-performance", model.performanceName(order)));
        facts.addRow(1, key("When"), value("order-when", model.startsAt(order)));
        facts.addRow(2, key("Sold"), value("order-sold", model.when(order.confirmedAt() != null ? order.confirmedAt()
                : order.createdAt()) + ", " + words(order.channel().name()).toLowerCase(Locale.ROOT)
                + (order.terminalId() == null ? "" : ", terminal " + order.terminalId())));
        facts.addRow(3, key("Order id"), value("order-id", order.orderId()));
        Label total = value("order-total", model.format(order.totalMinor(), order.currency()));
        total.getStyleClass().add("total");
        Label refunded = value("order-refunded", model.format(order.refundedMinor(), order.currency()));
        facts.addRow(4, key("Total"), total);
        facts.addRow(5, key("Refunded so far"), refunded);
        return new VBox(8, title, facts);
    }

    private Node seats(OrderView order) {
        GridPane grid = grid();
        grid.setId("order-seats");
        grid.addRow(0, key("Seat"), key("Price tier"), moneyKey("Price"), key("Ticket"));
        int row = 1;
        boolean anyLive = false;
        for (FindOrderViewModel.SeatChoice seat : model.seats()) {
            CheckBox box = new CheckBox(seat.name());
            box.setId("refund-seat-" + seat.seatId());
            box.getStyleClass().add("seat-choice");
            box.setDisable(!seat.refundable());
            box.selectedProperty().bindBidirectional(seat.chosenProperty());
            anyLive |= seat.refundable();
            Label price = new Label(model.format(seat.priceMinor(), order.currency()));
            GridPane.setHalignment(price, javafx.geometry.HPos.RIGHT);
            Label ticket = new Label(seat.ticketText());
            ticket.getStyleClass().add(seat.refundable() ? "ticket-live" : "ticket-void");
            grid.addRow(row++, box, new Label(seat.category()), price, ticket);
        }
        Label hint = new Label(anyLive ? "Tick the seats the buyer gives back (Tab to a seat, Space to tick), then "
                + "refund (F7) or exchange them (F8)."
                : "No live seats left in this order.");
        hint.getStyleClass().add("help");
        return section("Seats", new VBox(8, grid, hint));
    }

    private Node money(OrderView order) {
        GridPane payments = grid();
        payments.setId("order-payments");
        payments.addRow(0, key("Payment"), moneyKey("Amount"), key("Status"), moneyKey("Given back"));
        int row = 1;
        for (OrderView.PaymentLine p : order.payments()) {
            payments.addRow(row++, new Label(words(p.method().name())), amount(p.amountMinor(), order),
                    new Label(words(p.status().name())), amount(p.refundedMinor(), order));
        }
        if (order.payments().isEmpty()) {
            payments.addRow(row, new Label("No payments"));
        }
        GridPane refunds = grid();
        refunds.setId("order-refunds");
        if (order.refunds().isEmpty()) {
            refunds.addRow(0, new Label("None yet"));
        } else {
            refunds.addRow(0, key("When"), key("Seats"), moneyKey("Amount"), key("Reason"), key("By"));
            row = 1;
            for (OrderView.RefundLine r : order.refunds()) {
                String seats = String.join("\n", r.seatIds().stream().map(s -> model.seatName(order, s)).toList());
                String by = (r.actor() == null ? "" : r.actor()) + (r.terminalId() == null ? "" : " at " + r.terminalId());
                refunds.addRow(row++, new Label(model.when(r.at())), new Label(seats), amount(r.amountMinor(), order),
                        new Label(words(r.kind().name()) + ": " + (r.reason() == null ? "" : r.reason())), new Label(by));
            }
        }
        return new VBox(12, section("Payments", payments), section("Refunds so far", refunds));
    }

    private Node refundForm() {
        HBox line = new HBox(10, new Label("Reason"), reason, refund, exchange);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Label hint = new Label("Refund: the money goes back the way it was paid: cards first, the rest in cash from "
                + "this drawer.\nExchange: the ticked seats pay towards other seats of the same performance, held next "
                + "on its sale screen; the difference is paid or given back there.");
        hint.getStyleClass().add("help");
        hint.setWrapText(true);
        return section("Refund or exchange", new VBox(8, line, hint));
    }

    private Label amount(long minor, OrderView order) {
        Label label = new Label(model.format(minor, order.currency()));
        GridPane.setHalignment(label, javafx.geometry.HPos.RIGHT);
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane(18, 6);
        grid.getColumnConstraints().add(new ColumnConstraints(150, javafx.scene.layout.Region.USE_COMPUTED_SIZE,
                Double.MAX_VALUE));
        return grid;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    /** The heading of a column of amounts, aligned with them on the right. */
    private static Label moneyKey(String text) {
        Label label = key(text);
        GridPane.setHalignment(label, javafx.geometry.HPos.RIGHT);
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }

    private static Node section(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        pane.getStyleClass().add("step");
        return pane;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    /** "BOX_OFFICE" as "Box office". */
    private static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Keys of this tool; the shell installs them while its tab is showing. */
    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    /** Puts the cursor in the search field, its text selected, ready for the next reference. */
    public void focus() {
        Platform.runLater(() -> {
            query.requestFocus();
            query.selectAll();
        });
    }

    public Parent root() {
        return root;
    }
}

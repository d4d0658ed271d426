package com.boxoffice.ui.boxoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.common.Shortcut;
import com.boxoffice.ui.seatmap.SeatMapView;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A clerk's sale of one performance: the live seat map on the left, and on the right the steps of
 * the sale top to bottom (choose seats, basket with countdown, payment, tickets). In an exchange the
 * basket also shows the credit for the seats given back and the difference. Builds nodes and binds
 * to {@link SaleViewModel}; every button has a function-key shortcut shown on it.
 */
public class SaleView {

    private final BorderPane root = new BorderPane();
    private final SaleViewModel model;
    private final SeatMapView map;
    private final SeatNames names;
    private final Supplier<List<String>> selectedSeats;

    /**
     * @param selectedSeats ids of the seats picked on the map, for "Hold selected"
     */
    public SaleView(SaleViewModel model, SeatMapView map, List<PriceTier> tiers, SeatNames names,
                    Supplier<List<String>> selectedSeats) {
        this.model = model;
        this.map = map;
        this.names = names;
        this.selectedSeats = selectedSeats;
        root.getStyleClass().add("sale");

        Node payment = payment();
        Node tickets = tickets();
        // once paid, the tickets take the payment's place: the clerk's eye stays where it was
        tickets.visibleProperty().bind(model.stepProperty().isEqualTo(SaleViewModel.Step.PAID));
        tickets.managedProperty().bind(tickets.visibleProperty());
        payment.visibleProperty().bind(tickets.visibleProperty().not());
        payment.managedProperty().bind(payment.visibleProperty());
        VBox side = new VBox(10, choose(tiers), basket(), message(), payment, tickets);
        side.setPadding(new Insets(12));
        side.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(400);
        scroll.setMinWidth(360);
        scroll.getStyleClass().add("sale-side");
        // once seats are held the payment comes next: bring it into view when the panel overflows (an exchange)
        model.stepProperty().addListener((obs, old, step) -> {
            if (step == SaleViewModel.Step.HELD) {
                Platform.runLater(() -> reveal(scroll, payment));
            }
        });
        root.setCenter(map.root());
        root.setRight(scroll);
    }

    /** Function keys of this sale; the shell installs them while this sale's tab is showing. */
    public List<Shortcut> shortcuts() {
        return shortcuts;
    }

    private final List<Shortcut> shortcuts = new ArrayList<>();

    private Button button(String text, String id, KeyCombination key, Runnable action) {
        Button button = new Button(text + "  (" + key.getDisplayText() + ")");
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> action.run());
        shortcuts.add(new Shortcut(key, () -> {
            if (!button.isDisabled() && button.isVisible()) {
                button.fire();
            }
        }));
        return button;
    }

    private Node choose(List<PriceTier> tiers) {
        Spinner<Integer> count = new Spinner<>(1, 20, 2);
        count.setId("best-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        ObservableList<PriceTier> choices = FXCollections.observableArrayList();
        choices.add(null);
        choices.addAll(tiers);
        ComboBox<PriceTier> tier = new ComboBox<>(choices);
        tier.setId("best-tier");
        tier.setMaxWidth(Double.MAX_VALUE);
        tier.setConverter(new StringConverter<>() {
            @Override
            public String toString(PriceTier t) {
                return t == null ? "Any price" : t.name() + "  " + Money.format(t.priceMinor(), t.currency());
            }

            @Override
            public PriceTier fromString(String s) {
                return null;
            }
        });
        tier.getSelectionModel().select(0);
        Spinner<Integer> wheelchair = new Spinner<>(0, 4, 0);
        wheelchair.setId("best-wheelchair");
        wheelchair.setPrefWidth(90);

        GridPane form = new GridPane(8, 6);
        form.addRow(0, new Label("Seats"), count);
        form.addRow(1, new Label("Price"), tier);
        form.addRow(2, new Label("Wheelchair spaces"), wheelchair);
        GridPane.setHgrow(tier, Priority.ALWAYS);

        Button best = button("Best available", "hold-best", new KeyCodeCombination(KeyCode.F2),
                () -> {
                    count.increment(0); // commits a typed value
                    PriceTier t = tier.getValue();
                    model.holdBest(count.getValue(), t == null ? null : t.category(), wheelchair.getValue());
                });
        Button picked = button("Hold seats picked on the map", "hold-selected", new KeyCodeCombination(KeyCode.F3),
                () -> model.holdSeats(selectedSeats.get()));
        for (Button b : List.of(best, picked)) {
            b.disableProperty().bind(model.busyProperty().or(model.stepProperty().isEqualTo(SaleViewModel.Step.HELD)));
        }
        best.setDefaultButton(false);
        VBox box = new VBox(8, form, best, picked);
        return section("1  Choose seats", box);
    }

    private Node basket() {
        ListView<String> seats = new ListView<>();
        seats.setId("basket");
        seats.setPrefHeight(120);
        seats.setPlaceholder(new Label("No seats held"));
        Label total = new Label();
        total.setId("basket-total");
        total.getStyleClass().add("total");
        Label countdown = new Label();
        countdown.setId("countdown");
        countdown.getStyleClass().add("countdown");
        ProgressBar left = new ProgressBar(0);
        left.setMaxWidth(Double.MAX_VALUE);
        model.basketProperty().addListener((obs, old, basket) -> {
            List<String> lines = new ArrayList<>();
            if (basket != null) {
                for (OrderSeat seat : basket.seats()) {
                    lines.add(names.of(seat.seatId()) + "   " + Money.format(seat.priceMinor(), basket.currency()));
                }
            }
            seats.getItems().setAll(lines);
        });
        total.textProperty().bind(Bindings.createStringBinding(() -> {
            Basket b = model.basketProperty().get();
            return b == null ? "" : "Total " + Money.format(b.totalMinor(), b.currency());
        }, model.basketProperty()));
        countdown.textProperty().bind(Bindings.createStringBinding(() ->
                model.stepProperty().get() == SaleViewModel.Step.HELD
                        ? "Held for " + SaleViewModel.minutesSeconds(model.secondsLeftProperty().get())
                        : "", model.secondsLeftProperty(), model.stepProperty()));
        countdown.styleProperty().bind(Bindings.when(model.secondsLeftProperty().lessThan(60))
                .then("-fx-text-fill: #b3261e;").otherwise(""));
        left.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            Basket b = model.basketProperty().get();
            return b == null ? 0 : Math.min(1, model.secondsLeftProperty().get() / 300.0);
        }, model.secondsLeftProperty(), model.basketProperty()));
        left.visibleProperty().bind(model.stepProperty().isEqualTo(SaleViewModel.Step.HELD));

        Button extend = button("Extend hold", "extend", new KeyCodeCombination(KeyCode.F6), model::extend);
        extend.disableProperty().bind(model.busyProperty().or(model.stepProperty().isNotEqualTo(SaleViewModel.Step.HELD)));
        Button cancel = button("Cancel sale", "cancel-sale", new KeyCodeCombination(KeyCode.ESCAPE), model::cancel);
        cancel.disableProperty().bind(model.busyProperty().or(model.cancellableProperty().not()));
        String escape = "  (" + new KeyCodeCombination(KeyCode.ESCAPE).getDisplayText() + ")";
        cancel.textProperty().bind(Bindings.when(model.exchange().onProperty())
                .then("Cancel" + escape).otherwise("Cancel sale" + escape));
        HBox buttons = new HBox(8, extend, cancel);
        HBox.setHgrow(extend, Priority.ALWAYS);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        HBox line = new HBox(12, countdown, new HBox(), total);
        HBox.setHgrow(line.getChildren().get(1), Priority.ALWAYS);
        line.setAlignment(Pos.CENTER_LEFT);
        return section("2  Basket", new VBox(8, exchange(), seats, line, left, buttons));
    }

    /** The exchange's credit, the new seats' total and the difference, shown only in an exchange. */
    private Node exchange() {
        SaleExchange exchange = model.exchange();
        Label credit = wrapping("exchange-credit");
        credit.getStyleClass().add("exchange-credit");
        credit.textProperty().bind(Bindings.createStringBinding(exchange::headline, exchange.creditProperty()));
        Label givenBack = wrapping("exchange-given-back");
        givenBack.textProperty().bind(Bindings.createStringBinding(() -> exchange.isOn()
                ? "Given back: " + String.join(", ", exchange.credit().seatIds().stream().map(names::of).toList())
                : "", exchange.creditProperty()));
        Label newSeats = wrapping("exchange-new-seats");
        newSeats.textProperty().bind(Bindings.createStringBinding(() -> exchange.newSeatsText(model.basketProperty().get()),
                exchange.creditProperty(), model.basketProperty()));
        Label difference = wrapping("exchange-difference");
        difference.getStyleClass().add("exchange-difference");
        difference.textProperty().bind(Bindings.createStringBinding(() -> exchange.differenceText(model.basketProperty().get()),
                exchange.creditProperty(), model.basketProperty()));
        Button confirm = button("Confirm exchange", "confirm-exchange", new KeyCodeCombination(KeyCode.F8),
                model::confirmExchange);
        // shown only when the seats given back pay for the new ones; otherwise paying (F9 to F11) confirms
        confirm.visibleProperty().bind(exchange.onProperty().and(model.stepProperty().isEqualTo(SaleViewModel.Step.HELD))
                .and(model.dueMinorProperty().isEqualTo(0)));
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.disableProperty().bind(model.busyProperty());
        VBox box = new VBox(6, credit, givenBack, newSeats, difference, confirm);
        box.setId("exchange");
        box.getStyleClass().add("exchange");
        box.visibleProperty().bind(exchange.onProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label wrapping(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private Node payment() {
        Label due = new Label();
        due.setId("due");
        due.getStyleClass().add("total");
        due.textProperty().bind(Bindings.createStringBinding(() -> "Due " + model.format(model.dueMinorProperty().get()),
                model.dueMinorProperty(), model.basketProperty()));

        TextField tendered = new TextField();
        tendered.setId("tendered");
        tendered.setPromptText("Cash handed over, e.g. 50");
        Label change = new Label();
        change.setId("change-due");
        change.textProperty().bind(Bindings.createStringBinding(() -> {
            long given = Money.parse(tendered.getText(), model.currency());
            long owed = model.dueMinorProperty().get();
            if (given < 0) {
                return tendered.getText().isBlank() ? "" : "Not an amount";
            }
            return given >= owed ? "Change " + model.format(given - owed) : "Short by " + model.format(owed - given);
        }, tendered.textProperty(), model.dueMinorProperty()));

        ComboBox<SimulatedOutcome> card = new ComboBox<>(FXCollections.observableArrayList(SimulatedOutcome.APPROVE,
                SimulatedOutcome.DECLINE, SimulatedOutcome.TIMEOUT_CHARGED, SimulatedOutcome.TIMEOUT_NOT_CHARGED));
        card.setId("card-outcome");
        card.getSelectionModel().select(SimulatedOutcome.APPROVE);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setConverter(new StringConverter<>() {
            @Override
            public String toString(SimulatedOutcome o) {
                return switch (o) {
                    case APPROVE -> "Card approves";
                    case DECLINE -> "Card declines";
                    case TIMEOUT_CHARGED -> "No answer (charged)";
                    case TIMEOUT_NOT_CHARGED -> "No answer (not charged)";
                    case RANDOM -> "Random";
                };
            }

            @Override
            public SimulatedOutcome fromString(String s) {
                return null;
            }
        });
        TextField cashPart = new TextField();
        cashPart.setId("cash-part");
        cashPart.setPromptText("Cash part of a split, e.g. 20");

        Button cash = button("Cash", "pay-cash", new KeyCodeCombination(KeyCode.F9),
                () -> model.payCash(Money.parse(tendered.getText(), model.currency())));
        Button byCard = button("Card", "pay-card", new KeyCodeCombination(KeyCode.F10), () -> model.payCard(card.getValue()));
        Button split = button("Split cash + card", "pay-split", new KeyCodeCombination(KeyCode.F11), () -> {
            long part = Money.parse(cashPart.getText(), model.currency());
            long given = tendered.getText().isBlank() ? part : Money.parse(tendered.getText(), model.currency());
            model.paySplit(part, given, card.getValue());
        });
        for (Button b : List.of(cash, byCard, split)) {
            // in an exchange whose new seats are paid by the seats given back, F8 confirms instead
            b.disableProperty().bind(model.busyProperty().or(model.stepProperty().isNotEqualTo(SaleViewModel.Step.HELD))
                    .or(model.exchange().onProperty().and(model.dueMinorProperty().isEqualTo(0))));
        }
        model.stepProperty().addListener((obs, old, step) -> {
            if (step != SaleViewModel.Step.HELD) {
                tendered.clear();
                cashPart.clear();
            }
        });
        GridPane form = new GridPane(8, 6);
        form.addRow(0, new Label("Tendered"), tendered);
        form.addRow(1, new Label(""), change);
        form.addRow(2, new Label("Card terminal"), card);
        form.addRow(3, new Label("Split"), cashPart);
        GridPane.setHgrow(tendered, Priority.ALWAYS);
        GridPane.setHgrow(card, Priority.ALWAYS);
        Label simulated = new Label("Demo card terminal: choose what the card does.");
        simulated.getStyleClass().add("help");
        return section("3  Payment", new VBox(8, due, form, simulated, cash, byCard, split));
    }

    private Node tickets() {
        ListView<String> issued = new ListView<>();
        issued.setId("tickets");
        issued.setPrefHeight(160);
        issued.setPlaceholder(new Label("Tickets appear here once paid"));
        model.receiptProperty().addListener((obs, old, receipt) -> {
            List<String> lines = new ArrayList<>();
            if (receipt != null) {
                for (SaleReceipt.IssuedTicket t : receipt.tickets()) {
                    lines.add(names.of(t.seatId()) + "   " + Money.format(t.priceMinor(), receipt.currency()));
                }
            }
            issued.getItems().setAll(lines);
        });
        Label file = new Label();
        file.setId("ticket-file");
        file.setWrapText(true);
        file.textProperty().bind(Bindings.createStringBinding(() -> model.ticketFileProperty().get() == null ? ""
                : "Saved as " + model.ticketFileProperty().get(), model.ticketFileProperty()));
        Button print = button("Print tickets", "print-tickets",
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), model::printTickets);
        print.disableProperty().bind(model.ticketFileProperty().isNull().or(model.busyProperty()));
        Button next = button("Next sale", "next-sale", new KeyCodeCombination(KeyCode.F12), model::newSale);
        next.disableProperty().bind(model.stepProperty().isNotEqualTo(SaleViewModel.Step.PAID));
        return section("4  Tickets", new VBox(8, issued, file, print, next));
    }

    private Node message() {
        Label message = new Label();
        message.setId("sale-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        model.problemProperty().addListener((obs, was, is) -> message.getStyleClass().setAll("label", is ? "problem" : "notice"));
        message.getStyleClass().add("notice");
        return new VBox(new Separator(), message);
    }

    /** Scrolls just far enough to show the whole node, or its top when it is taller than the view. */
    private static void reveal(ScrollPane scroll, Node node) {
        double content = scroll.getContent().getBoundsInLocal().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        Bounds bounds = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = Math.min(bounds.getMinY(), bounds.getMaxY() - view);
        double current = scroll.getVvalue() * (content - view);
        if (bounds.getMaxY() > current + view || bounds.getMinY() < current) {
            scroll.setVvalue(Math.clamp(top / (content - view), 0.0, 1.0));
        }
    }

    private static Node section(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        pane.getStyleClass().add("step");
        return pane;
    }

    public Parent root() {
        return root;
    }

    public SeatMapView map() {
        return map;
    }
}

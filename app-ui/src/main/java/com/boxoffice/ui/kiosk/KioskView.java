package com.boxoffice.ui.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.ui.boxoffice.BoxOfficeDesk;
import com.boxoffice.ui.boxoffice.SaleViewModel;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.seatmap.SeatMapData;
import com.boxoffice.ui.seatmap.SeatMapLegend;
import com.boxoffice.ui.seatmap.SeatMapViewModel;
import com.boxoffice.ui.shell.PerformanceRow;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The kiosk's screens: large touch targets, high contrast, one decision per screen. Builds nodes and
 * binds to {@link KioskViewModel}; any touch, click or key restarts the idle countdown.
 */
public class KioskView {

    /** What the kiosk needs to know about a performance beyond its list row. */
    public interface Details {
        List<PriceTier> tiers(String performanceId);

        SeatNames seatNames(String performanceId);
    }

    private final StackPane root = new StackPane();
    private final KioskViewModel model;
    private final Details details;
    private final BorderPane start = new BorderPane();
    private final BorderPane choose = new BorderPane();
    private final BorderPane map = new BorderPane();
    private final BorderPane basket = new BorderPane();
    private final BorderPane done = new BorderPane();
    private final VBox pinPad;

    public KioskView(KioskViewModel model, Details details) {
        this.model = model;
        this.details = details;
        root.getStyleClass().add("kiosk");
        root.addEventFilter(InputEvent.ANY, e -> model.touched());
        buildStart();
        pinPad = buildPinPad();
        root.getChildren().addAll(start, choose, map, basket, done, pinPad);
        show(model.screenProperty().get());
        model.screenProperty().addListener((obs, old, screen) -> show(screen));
        model.saleProperty().addListener((obs, old, sale) -> {
            if (sale != null) {
                buildChoose(sale);
                buildMap(sale, model.mapProperty().get());
                buildBasket(sale);
                buildDone(sale);
            }
        });
    }

    private void show(KioskViewModel.Screen screen) {
        start.setVisible(screen == KioskViewModel.Screen.START);
        choose.setVisible(screen == KioskViewModel.Screen.CHOOSE);
        map.setVisible(screen == KioskViewModel.Screen.MAP);
        basket.setVisible(screen == KioskViewModel.Screen.BASKET);
        done.setVisible(screen == KioskViewModel.Screen.DONE);
    }

    private void buildStart() {
        Label title = new Label("Buy tickets");
        title.getStyleClass().add("kiosk-title");
        Label hint = new Label("Tap a show to begin");
        hint.getStyleClass().add("kiosk-hint");
        FlowPane shows = new FlowPane(24, 24);
        shows.setId("kiosk-shows");
        shows.setAlignment(Pos.CENTER);
        Runnable fill = () -> {
            shows.getChildren().clear();
            for (PerformanceRow row : model.performances().rows()) {
                Button show = new Button(row.title() + "\n" + row.venue() + "\n" + row.startsAt() + "\n"
                        + (row.available() == 0 ? "Sold out" : String.format("%,d seats left", row.available())));
                show.setId("kiosk-show-" + row.performanceId());
                show.getStyleClass().add("kiosk-tile");
                show.setDisable(row.available() == 0);
                show.setOnAction(e -> model.choose(row));
                shows.getChildren().add(show);
            }
        };
        model.performances().rows().addListener((ListChangeListener<PerformanceRow>) c -> fill.run());
        fill.run();
        VBox content = new VBox(24, title, hint, shows);
        content.setAlignment(Pos.CENTER);
        start.setCenter(content);
        start.setBottom(staffCorner());
    }

    private void buildChoose(SaleViewModel sale) {
        PerformanceRow row = model.performanceProperty().get();
        Label title = new Label(row.title() + " - " + row.venue());
        title.getStyleClass().add("kiosk-heading");

        Label howMany = new Label("How many tickets?");
        howMany.getStyleClass().add("kiosk-question");
        ToggleGroup counts = new ToggleGroup();
        HBox countButtons = new HBox(12);
        countButtons.setAlignment(Pos.CENTER);
        for (int n = 1; n <= model.ticketLimit(); n++) {
            ToggleButton b = new ToggleButton(String.valueOf(n));
            b.setId("kiosk-count-" + n);
            b.setUserData(n);
            b.setToggleGroup(counts);
            b.getStyleClass().add("kiosk-choice");
            countButtons.getChildren().add(b);
        }
        counts.selectToggle(counts.getToggles().get(Math.min(1, counts.getToggles().size() - 1)));

        Label price = new Label("Which price?");
        price.getStyleClass().add("kiosk-question");
        ToggleGroup prices = new ToggleGroup();
        FlowPane priceButtons = new FlowPane(12, 12);
        priceButtons.setAlignment(Pos.CENTER);
        ToggleButton any = new ToggleButton("Best seats\nany price");
        any.setId("kiosk-price-any");
        any.setToggleGroup(prices);
        any.getStyleClass().add("kiosk-choice");
        priceButtons.getChildren().add(any);
        for (PriceTier tier : details.tiers(row.performanceId())) {
            ToggleButton b = new ToggleButton(tier.name() + "\n" + Money.format(tier.priceMinor(), tier.currency()));
            b.setId("kiosk-price-" + tier.category());
            b.setUserData(tier.category());
            b.setToggleGroup(prices);
            b.getStyleClass().add("kiosk-choice");
            priceButtons.getChildren().add(b);
        }
        prices.selectToggle(any);
        // a choice stays made: tapping the selected button again does not clear it
        for (ToggleGroup group : List.of(counts, prices)) {
            group.selectedToggleProperty().addListener((obs, old, now) -> {
                if (now == null) {
                    group.selectToggle(old);
                }
            });
        }

        Button find = new Button("Find my seats");
        find.setId("kiosk-find");
        find.getStyleClass().addAll("kiosk-primary");
        find.disableProperty().bind(sale.busyProperty());
        find.setOnAction(e -> model.findSeats((Integer) counts.getSelectedToggle().getUserData(),
                (String) prices.getSelectedToggle().getUserData()));

        Button onMap = new Button("Choose seats on the map");
        onMap.setId("kiosk-open-map");
        onMap.getStyleClass().addAll("kiosk-secondary", "kiosk-wide");
        onMap.disableProperty().bind(sale.busyProperty());
        onMap.setOnAction(e -> model.openMap(mapDisplay));

        VBox content = new VBox(22, title, howMany, countButtons, price, priceButtons, find, onMap, message(sale), busy(sale));
        content.setAlignment(Pos.CENTER);
        content.setPadding(new Insets(24));
        choose.setCenter(content);
        choose.setBottom(footer(startOverButton()));
    }

    /** Where the live map of the current sale is drawn; set with that sale's map screen. */
    private SeatMapViewModel.Display mapDisplay;

    /**
     * The live map: tap seats (up to the purchase limit), hold them, and on to the basket. Pinch or
     * the zoom buttons go closer; seats someone else takes drop out of the choice as it happens.
     */
    private void buildMap(SaleViewModel sale, SeatMapViewModel live) {
        PerformanceRow row = model.performanceProperty().get();
        Label title = new Label(row.title() + " - " + row.venue());
        title.getStyleClass().add("kiosk-question");
        Label note = new Label();
        note.setId("kiosk-map-note");
        note.setWrapText(true);
        note.getStyleClass().add("kiosk-note");
        note.textProperty().bind(model.mapNoteProperty());
        // a binding, not a listener: the model outlives this sale's screen and must not keep it
        note.styleProperty().bind(Bindings.when(model.mapFullProperty()).then(NOTE_FULL).otherwise(""));

        SeatMap seats = new SeatMap();
        seats.setId("kiosk-map");
        seats.setSmallestPick(FINGER);
        SeatMapLegend legend = new SeatMapLegend();
        legend.getStyleClass().add("kiosk-legend");
        Map<String, String> prices = BoxOfficeDesk.prices(details.tiers(sale.performanceId()));
        seats.setPrices(prices);
        legend.setPrices(prices);
        seats.setSelectable(seat -> seats.stateOf(seat) == '.'
                && (seats.getSelection().contains(seat) || model.mayChooseAnother(seats.getSelection().size())));
        seats.getSelection().addListener((SetChangeListener<Integer>) change -> {
            int chosen = seats.getSelection().size();
            int removed = change.wasRemoved() ? change.getElementRemoved() : -1;
            if (removed >= 0 && seats.getData() != null && removed < seats.getData().size() && seats.stateOf(removed) != '.') {
                model.chosenSeatTaken(chosen);
            } else {
                model.chosenOnMap(chosen);
            }
        });
        // the held seats show as the buyer's own; the choice is done with once they are held
        sale.basketProperty().addListener((obs, old, basket) -> {
            List<Integer> mine = new ArrayList<>();
            if (basket != null && seats.getData() != null) {
                for (OrderSeat seat : basket.seats()) {
                    int index = seats.getData().indexOf(seat.seatId());
                    if (index >= 0) {
                        mine.add(index);
                    }
                }
                seats.clearSelection();
            }
            seats.setMine(mine);
        });
        mapDisplay = new SeatMapViewModel.Display() {
            @Override
            public void show(SeatMapData data, String states) {
                legend.setCategories(data.categories());
                seats.setData(data);
                seats.setStates(states);
            }

            @Override
            public void replaceStates(String states) {
                seats.setStates(states);
            }

            @Override
            public void apply(SeatChange change) {
                seats.apply(change);
            }
        };

        Button closer = zoomButton(seats, "+", "kiosk-map-zoom-in", KeyCode.PLUS);
        Button farther = zoomButton(seats, "\u2212", "kiosk-map-zoom-out", KeyCode.MINUS);
        Button whole = zoomButton(seats, "Whole house", "kiosk-map-whole", KeyCode.DIGIT0);
        closer.getStyleClass().add("kiosk-zoom");
        farther.getStyleClass().add("kiosk-zoom");
        HBox zoom = new HBox(12, closer, farther);
        zoom.setAlignment(Pos.CENTER);
        whole.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.getStyleClass().add("kiosk-hint");
        status.setWrapText(true);
        if (live != null) {
            status.textProperty().bind(Bindings.when(live.statusProperty().isEqualTo("Live")).then("")
                    .otherwise(live.statusProperty()));
        }
        VBox side = new VBox(16, legend, zoom, whole, status);
        side.setPrefWidth(300);
        side.setMinWidth(280);
        side.setPadding(new Insets(0, 0, 0, 16));
        BorderPane area = new BorderPane(seats);
        area.setRight(side);
        area.setPadding(new Insets(0, 24, 0, 24));

        Button hold = new Button("Hold these seats");
        hold.setId("kiosk-map-hold");
        hold.getStyleClass().add("kiosk-primary");
        hold.disableProperty().bind(sale.busyProperty().or(Bindings.isEmpty(seats.getSelection())));
        hold.setOnAction(e -> model.holdChosen(BoxOfficeDesk.selectedSeatIds(seats)));
        Button back = new Button("Back");
        back.setId("kiosk-map-back");
        back.getStyleClass().add("kiosk-secondary");
        back.disableProperty().bind(sale.busyProperty());
        back.setOnAction(e -> model.backToBestAvailable());

        Node message = message(sale);
        message.setId("kiosk-map-message");
        VBox top = new VBox(8, title, note, message);
        top.setAlignment(Pos.CENTER);
        top.setPadding(new Insets(16, 24, 12, 24));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(16, back, startOverButton(), spacer, busy(sale), hold, staffCorner());
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(16, 16, 16, 24));
        map.setTop(top);
        map.setCenter(area);
        map.setBottom(bottom);
    }

    /** The map's note once as many seats are chosen as one purchase may have: it stands out. */
    private static final String NOTE_FULL = "-fx-background-color: #ffd84d; -fx-text-fill: #0b0f14; -fx-background-radius: 8;";

    /** Smallest a seat may be drawn, in pixels, and still be picked by a tap rather than zoomed towards. */
    private static final double FINGER = 28;

    /** A touch-sized stand-in for one of the map's zoom keys. */
    private static Button zoomButton(SeatMap seats, String text, String id, KeyCode key) {
        Button button = new Button(text);
        button.setId(id);
        button.setFocusTraversable(false);
        button.setOnAction(e -> seats.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
        return button;
    }

    private void buildBasket(SaleViewModel sale) {
        SeatNames names = details.seatNames(sale.performanceId());
        Label heading = new Label("Your seats");
        heading.getStyleClass().add("kiosk-heading");
        VBox seats = new VBox(8);
        seats.setId("kiosk-seats");
        seats.setAlignment(Pos.CENTER);
        sale.basketProperty().addListener((obs, old, b) -> {
            seats.getChildren().clear();
            if (b != null) {
                for (OrderSeat seat : b.seats()) {
                    Label line = new Label(names.of(seat.seatId()) + "    " + Money.format(seat.priceMinor(), b.currency()));
                    line.getStyleClass().add("kiosk-line");
                    seats.getChildren().add(line);
                }
            }
        });
        Label total = new Label();
        total.setId("kiosk-total");
        total.getStyleClass().add("kiosk-total");
        total.textProperty().bind(Bindings.createStringBinding(() -> "Total " + sale.format(sale.dueMinorProperty().get()),
                sale.dueMinorProperty(), sale.basketProperty()));
        Label countdown = new Label();
        countdown.setId("kiosk-countdown");
        countdown.getStyleClass().add("kiosk-hint");
        countdown.textProperty().bind(Bindings.createStringBinding(() -> "Seats kept for you for "
                + SaleViewModel.minutesSeconds(sale.secondsLeftProperty().get()), sale.secondsLeftProperty()));

        Button pay = new Button("Pay by card");
        pay.setId("kiosk-pay");
        pay.getStyleClass().add("kiosk-primary");
        pay.disableProperty().bind(sale.busyProperty());
        ToggleGroup demoCard = new ToggleGroup();
        ToggleButton approves = new ToggleButton("Demo card: approves");
        approves.setUserData(SimulatedOutcome.APPROVE);
        ToggleButton declines = new ToggleButton("Demo card: declines");
        declines.setId("kiosk-demo-decline");
        declines.setUserData(SimulatedOutcome.DECLINE);
        for (ToggleButton b : List.of(approves, declines)) {
            b.setToggleGroup(demoCard);
            b.getStyleClass().add("kiosk-small");
        }
        demoCard.selectToggle(approves);
        pay.setOnAction(e -> model.payByCard(demoCard.getSelectedToggle() == null ? SimulatedOutcome.APPROVE
                : (SimulatedOutcome) demoCard.getSelectedToggle().getUserData()));
        Button back = new Button("Choose again");
        back.setId("kiosk-back");
        back.getStyleClass().add("kiosk-secondary");
        back.disableProperty().bind(sale.busyProperty());
        back.setOnAction(e -> model.back());

        Label cardHint = new Label("Tap \"Pay by card\", then hold your card to the reader.");
        cardHint.getStyleClass().add("kiosk-hint");
        VBox content = new VBox(20, heading, seats, total, countdown, pay, cardHint, message(sale), busy(sale),
                new HBox(12, approves, declines));
        ((HBox) content.getChildren().getLast()).setAlignment(Pos.CENTER);
        content.setAlignment(Pos.CENTER);
        content.setPadding(new Insets(24));
        basket.setCenter(content);
        basket.setBottom(footer(back, startOverButton()));
    }

    private void buildDone(SaleViewModel sale) {
        SeatNames names = details.seatNames(sale.performanceId());
        Label heading = new Label("Thank you! Enjoy the show.");
        heading.getStyleClass().add("kiosk-title");
        Label printing = new Label("Your tickets are printing below this screen.");
        printing.getStyleClass().add("kiosk-hint");
        VBox tickets = new VBox(8);
        tickets.setId("kiosk-tickets");
        tickets.setAlignment(Pos.CENTER);
        sale.receiptProperty().addListener((obs, old, receipt) -> {
            tickets.getChildren().clear();
            if (receipt != null) {
                for (SaleReceipt.IssuedTicket t : receipt.tickets()) {
                    Label line = new Label(names.of(t.seatId()));
                    line.getStyleClass().add("kiosk-line");
                    tickets.getChildren().add(line);
                }
            }
        });
        Button finished = new Button("Done");
        finished.setId("kiosk-done");
        finished.getStyleClass().add("kiosk-primary");
        finished.setOnAction(e -> model.startOver());
        VBox content = new VBox(24, heading, printing, tickets, finished);
        content.setAlignment(Pos.CENTER);
        done.setCenter(content);
    }

    private Node message(SaleViewModel sale) {
        Label message = new Label();
        message.setId("kiosk-message");
        message.setWrapText(true);
        message.getStyleClass().add("kiosk-message");
        message.textProperty().bind(Bindings.when(sale.problemProperty()).then(sale.messageProperty()).otherwise(""));
        message.visibleProperty().bind(Bindings.isNotEmpty(message.textProperty()));
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private static Node busy(SaleViewModel sale) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(64, 64);
        busy.visibleProperty().bind(sale.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        return busy;
    }

    private Button startOverButton() {
        Button again = new Button("Start over");
        again.setId("kiosk-start-over");
        again.getStyleClass().add("kiosk-secondary");
        again.setOnAction(e -> model.startOver());
        return again;
    }

    private Node footer(Node... left) {
        HBox bar = new HBox(16, left);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(spacer, staffCorner());
        bar.setPadding(new Insets(16));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node staffCorner() {
        Button staff = new Button("Staff");
        staff.getStyleClass().add("kiosk-staff");
        staff.setOnAction(e -> {
            pinPad.setVisible(true);
            pinPad.toFront();
        });
        HBox corner = new HBox(staff);
        corner.setAlignment(Pos.BOTTOM_RIGHT);
        corner.setPadding(new Insets(8));
        return corner;
    }

    /** The kiosk's own PIN or a manager's, typed on a touch keypad, closes the kiosk. */
    private VBox buildPinPad() {
        Label title = new Label("Staff PIN to leave kiosk mode");
        title.getStyleClass().add("kiosk-question");
        PasswordField pin = new PasswordField();
        pin.setId("kiosk-pin");
        pin.getStyleClass().add("kiosk-pin");
        pin.setMaxWidth(320);
        Label wrong = new Label();
        wrong.getStyleClass().add("kiosk-message");
        GridPane keys = new GridPane(10, 10);
        keys.setAlignment(Pos.CENTER);
        String[] labels = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"};
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            Button key = new Button(label);
            key.getStyleClass().add("kiosk-key");
            key.setOnAction(e -> {
                switch (label) {
                    case "Clear" -> pin.clear();
                    case "OK" -> {
                        String typed = pin.getText();
                        pin.clear();
                        buttons.forEach(b -> b.setDisable(true));
                        Fx.inBackground(() -> model.isExitPin(typed), opens -> {
                            buttons.forEach(b -> b.setDisable(false));
                            wrong.setText(opens ? "" : "That PIN does not open this kiosk. Ask a manager.");
                            if (opens) {
                                model.leave();
                            }
                        }, error -> {
                            buttons.forEach(b -> b.setDisable(false));
                            wrong.setText(error.getMessage());
                        });
                    }
                    default -> pin.appendText(label);
                }
            });
            buttons.add(key);
            keys.add(key, i % 3, i / 3);
        }
        pin.setOnAction(e -> buttons.getLast().fire());
        Button cancel = new Button("Back to the kiosk");
        cancel.getStyleClass().add("kiosk-secondary");
        VBox pad = new VBox(18, title, pin, keys, wrong, cancel);
        cancel.setOnAction(e -> {
            pin.clear();
            wrong.setText("");
            pad.setVisible(false);
        });
        pad.setId("kiosk-pin-pad");
        pad.getStyleClass().add("kiosk-pin-pad");
        pad.setAlignment(Pos.CENTER);
        pad.setVisible(false);
        return pad;
    }

    public Parent root() {
        return root;
    }
}

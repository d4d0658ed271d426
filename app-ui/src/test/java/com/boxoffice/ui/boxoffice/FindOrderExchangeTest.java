package com.boxoffice.ui.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.OrderView;
import com.boxoffice.core.sale.RefundKind;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.RefundRequest;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.ticket.TicketStatus;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** A buyer comes back to the window and swaps a seat for another of the same performance. */
class FindOrderExchangeTest {

    private static final String PERFORMANCE = "demo-theatre-1";
    /** The demo theatre's tiers: Premium (A) at €95, Value (C) at €50. */
    private static final String PREMIUM = "A";
    private static final String VALUE = "C";
    /** Economy (D) at €35. */
    private static final String ECONOMY = "D";

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data);
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    @Test
    void exchangingASeatForADearerOneTakesTheDifferenceInCashAndSwapsTheSeats() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        SeatMap map = openTheatre();
        OrderView sold = sellTwoValueSeatsInCash();
        OrderView.SeatLine givenBack = sold.seats().get(0);
        OrderView.SeatLine kept = sold.seats().get(1);

        startExchange(sold, givenBack);
        assertThat(text("#exchange-credit")).isEqualTo("Exchange for order " + sold.shortReference()
                + ": credit €50.00 for seats given back");
        holdBest(1, PREMIUM);
        assertThat(text("#exchange-new-seats")).isEqualTo("New seats €95.00");
        assertThat(text("#exchange-difference")).isEqualTo("To pay €45.00: cash (F9), card (F10) or both (F11)");
        assertThat(text("#due")).isEqualTo("Due €45.00");
        Screenshots.save(map.getScene(), Path.of("target/screenshots/exchange.png"));
        robot.clickOn("#tendered").write("50");
        robot.type(KeyCode.F9);

        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Exchanged"));
        assertThat(message.getText()).isEqualTo(
                "Exchanged. Give €5.00 change. The new tickets are ready; the old ones no longer admit.");

        // the journal: the old order keeps one live seat; the new one is sold, paid by credit and cash
        OrderView old = lookup().byOrderId(sold.orderId()).orElseThrow();
        assertThat(ticketStatuses(old)).isEqualTo(Map.of(givenBack.seatId(), TicketStatus.REFUNDED,
                kept.seatId(), TicketStatus.LIVE));
        assertThat(old.refunds()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RefundKind.EXCHANGE);
            assertThat(r.amountMinor()).isEqualTo(5000);
            assertThat(r.actor()).isEqualTo("clerk");
        });
        String newOrderId = old.refunds().getFirst().newOrderId();
        OrderView exchanged = lookup().byOrderId(newOrderId).orElseThrow();
        assertThat(exchanged.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(exchanged.totalMinor()).isEqualTo(9500);
        assertThat(exchanged.seats()).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo(PREMIUM);
            assertThat(s.ticketStatus()).isEqualTo(TicketStatus.LIVE);
        });
        assertThat(capturedByMethod(newOrderId)).isEqualTo(Map.of(PaymentMethod.CREDIT, 5000L, PaymentMethod.CASH, 4500L));
        // Redis and the map: the seat given back is free again, the new one and the kept one sold
        String newSeat = exchanged.seats().getFirst().seatId();
        assertThat(seatState(givenBack.seatId())).isEqualTo(SeatState.AVAILABLE);
        assertThat(seatState(newSeat)).isEqualTo(SeatState.SOLD);
        assertThat(seatState(kept.seatId())).isEqualTo(SeatState.SOLD);
        ClientFixture.waitFor(5, () -> map.stateOf(layout().indexOf(givenBack.seatId())) == '.'
                && map.stateOf(layout().indexOf(newSeat)) == 'S');
        // a ticket for the new seat, saved like a sale's
        ClientFixture.waitFor(10, () -> text("#ticket-file").startsWith("Saved as "));
        Path pdf = Path.of(text("#ticket-file").substring("Saved as ".length()));
        assertThat(pdf).exists().isRegularFile();
        assertThat(pdf.getParent()).isEqualTo(data.resolve("tickets"));
        assertThat(pdf.getFileName().toString()).startsWith(OrderLookup.shortReference(newOrderId));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void exchangingASeatForACheaperOneIsConfirmedWithF8AndGivesTheDifferenceBackInCash() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        openTheatre();
        OrderView sold = sellTwoValueSeatsInCash();
        OrderView.SeatLine givenBack = sold.seats().get(0);

        startExchange(sold, givenBack);
        holdBest(1, ECONOMY);
        assertThat(text("#exchange-difference"))
                .isEqualTo("To give back €15.00, to the order's card first, the rest in cash. Confirm with F8");
        assertThat(robot.lookup("#pay-cash").query().isDisabled()).isTrue();
        robot.type(KeyCode.F8);

        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Exchanged"));
        assertThat(message.getText()).isEqualTo(
                "Exchanged. Give back €15.00 in cash. The new tickets are ready; the old ones no longer admit.");
        OrderView old = lookup().byOrderId(sold.orderId()).orElseThrow();
        assertThat(old.refunds()).singleElement().satisfies(r -> assertThat(r.amountMinor()).isEqualTo(5000));
        assertThat(old.payments()).singleElement().satisfies(p -> assertThat(p.refundedMinor()).isEqualTo(1500));
        String newOrderId = old.refunds().getFirst().newOrderId();
        assertThat(capturedByMethod(newOrderId)).isEqualTo(Map.of(PaymentMethod.CREDIT, 3500L));
        assertThat(seatState(givenBack.seatId())).isEqualTo(SeatState.AVAILABLE);
        assertThat(seatState(lookup().byOrderId(newOrderId).orElseThrow().seats().getFirst().seatId()))
                .isEqualTo(SeatState.SOLD);
    }

    @Test
    void exchangingASeatRefundedMeanwhileAtAnotherWindowIsRefusedAndChangesNothing() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        openTheatre();
        OrderView sold = sellTwoValueSeatsInCash();
        OrderView.SeatLine givenBack = sold.seats().get(0);
        startExchange(sold, givenBack);
        holdBest(1, PREMIUM);
        SaleOrderEntity newOrder = newOrder(sold);
        // another window gives the same seat back for money first
        app.context().getBean(SaleService.class).refund(new RefundRequest("at-window-2", sold.orderId(),
                List.of(givenBack.seatId()), "cannot attend", "manager", "window-2"));
        String seatsBefore = seats();
        OrderView oldBefore = lookup().byOrderId(sold.orderId()).orElseThrow();

        robot.clickOn("#tendered").write("50");
        robot.type(KeyCode.F9);

        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("A seat given back"));
        assertThat(message.getText()).contains("already refunded or exchanged at another window", "nothing was changed",
                "Press Esc to give up the exchange", sold.shortReference());
        assertThat(message.getStyleClass()).contains("problem");
        assertThat(seats()).isEqualTo(seatsBefore);
        assertThat(lookup().byOrderId(sold.orderId()).orElseThrow()).isEqualTo(oldBefore);
        assertThat(app.context().getBean(RefundRepository.class).findAll())
                .singleElement().satisfies(r -> assertThat(r.getKind()).isEqualTo(RefundKind.REFUND));
        assertThat(status(newOrder.getId())).isEqualTo(OrderStatus.PRICED);
        assertThat(app.context().getBean(PaymentRepository.class).findByOrderIdOrderByCreatedAt(newOrder.getId())).isEmpty();
        assertThat(seatState(newOrder.getSeats().getFirst().seatId())).isEqualTo(SeatState.HELD);
        assertThat(ticketFiles()).noneMatch(f -> f.getFileName().toString().contains(newOrder.getId()));
        assertThat(robot.lookup("#basket").queryListView().getItems()).hasSize(1);

        // Escape gives the exchange up: the new seat goes back on sale
        robot.type(KeyCode.ESCAPE);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Exchange called off"));
        assertThat(seatState(newOrder.getSeats().getFirst().seatId())).isEqualTo(SeatState.AVAILABLE);
        assertThat(status(newOrder.getId())).isEqualTo(OrderStatus.CANCELLED);
        assertThat(robot.lookup("#exchange").query().isVisible()).isFalse();
    }

    /** Opens the theatre (first in the list) in the main window, whose root is read on the FX thread. */
    private SeatMap openTheatre() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot())
                .get(10, TimeUnit.SECONDS);
        return ClientFixture.openPerformance(robot, root, 0);
    }

    /** Two Value seats paid in cash on the sale screen; the order as the journal has it. */
    private OrderView sellTwoValueSeatsInCash() throws Exception {
        holdBest(2, VALUE);
        robot.clickOn("#tendered").write("100");
        robot.type(KeyCode.F9);
        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));
        var orders = app.context().getBean(SaleOrderRepository.class).findAll();
        assertThat(orders).hasSize(1);
        OrderView sold = lookup().byOrderId(orders.getFirst().getId()).orElseThrow();
        assertThat(sold.seats()).hasSize(2).allSatisfy(s -> assertThat(s.priceMinor()).isEqualTo(5000));
        return sold;
    }

    /** Best available {@code count} seats in a tier, held with F2; waits for the basket. */
    private void holdBest(int count, String category) throws Exception {
        robot.interact(() -> {
            robot.lookup("#best-count").<Spinner<Integer>>query().getValueFactory().setValue(count);
            ComboBox<PriceTier> tiers = robot.lookup("#best-tier").query();
            tiers.getItems().stream().filter(t -> t != null && t.category().equals(category)).findFirst()
                    .ifPresent(tiers.getSelectionModel()::select);
        });
        robot.type(KeyCode.F2);
        ListView<String> basket = robot.lookup("#basket").queryListView();
        ClientFixture.waitFor(20, () -> basket.getItems().size() == count);
    }

    /** Finds the order with Ctrl+F, ticks one seat and presses F8: the sale screen takes the exchange on. */
    private void startExchange(OrderView sold, OrderView.SeatLine seat) throws Exception {
        robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        TextField query = robot.lookup("#find-query").queryAs(TextField.class);
        ClientFixture.waitFor(5, () -> "find-order-tab".equals(tabs.getSelectionModel().getSelectedItem().getId())
                && query.isFocused());
        robot.write(sold.shortReference().toLowerCase(Locale.ROOT));
        robot.type(KeyCode.ENTER);
        ClientFixture.waitFor(10, () -> robot.lookup("#refund-seat-" + seat.seatId()).tryQuery().isPresent()
                && robot.lookup("#exchange-seats").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#refund-seat-" + seat.seatId());
        robot.type(KeyCode.F8);
        Node exchange = robot.lookup("#exchange").query();
        ClientFixture.waitFor(10, () -> ("performance-" + PERFORMANCE).equals(tabs.getSelectionModel().getSelectedItem().getId())
                && ClientFixture.shown(exchange));
        assertThat(text("#basket-total")).isEmpty();
    }

    private String text(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private OrderLookup lookup() {
        return app.context().getBean(OrderLookup.class);
    }

    private SaleOrderEntity newOrder(OrderView sold) {
        return app.context().getBean(SaleOrderRepository.class).findAll().stream()
                .filter(o -> !o.getId().equals(sold.orderId())).findFirst().orElseThrow();
    }

    private OrderStatus status(String orderId) {
        return app.context().getBean(SaleOrderRepository.class).findById(orderId).orElseThrow().getStatus();
    }

    private Map<PaymentMethod, Long> capturedByMethod(String orderId) {
        return app.context().getBean(PaymentRepository.class).findByOrderIdOrderByCreatedAt(orderId).stream()
                .filter(p -> p.getStatus() == PaymentStatus.CAPTURED)
                .collect(Collectors.groupingBy(PaymentEntity::getMethod, Collectors.summingLong(PaymentEntity::getAmountMinor)));
    }

    private static Map<String, TicketStatus> ticketStatuses(OrderView order) {
        return order.seats().stream().collect(Collectors.toMap(OrderView.SeatLine::seatId, OrderView.SeatLine::ticketStatus));
    }

    private SeatState seatState(String seatId) {
        return app.context().getBean(HoldStore.class).availability(PERFORMANCE).stateOf(layout().indexOf(seatId));
    }

    /** Every seat's state in Redis, in one string. */
    private String seats() {
        return app.context().getBean(HoldStore.class).availability(PERFORMANCE).states();
    }

    private List<Path> ticketFiles() throws Exception {
        try (var files = Files.list(data.resolve("tickets"))) {
            return files.toList();
        }
    }

    private SeatLayout layout() {
        return app.context().getBean(PerformanceSeatings.class).seating(PERFORMANCE).layout();
    }
}

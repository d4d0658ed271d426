package com.boxoffice.ui.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.OrderView;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketStatus;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** A buyer comes back to the window: the clerk finds the order by its ticket reference and refunds a seat. */
class FindOrderRefundTest {

    private static final String PERFORMANCE = "demo-theatre-1";

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
    void refundingOneSeatOfAnOrderFoundByItsReferenceGivesItsPriceBackInCashAndPutsItBackOnSale() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        SeatMap map = ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        OrderView sold = sellTwoSeatsInCash();
        OrderView.SeatLine refunded = sold.seats().get(0);
        OrderView.SeatLine kept = sold.seats().get(1);

        findOrder(sold.shortReference().toLowerCase(java.util.Locale.ROOT));
        robot.clickOn("#refund-seat-" + refunded.seatId());
        robot.clickOn("#refund-reason").write("cannot attend");
        robot.type(KeyCode.F7);

        Label giveBack = robot.lookup("#refund-give-back").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> !giveBack.getText().isEmpty());
        assertThat(giveBack.getText()).isEqualTo("Give back " + Money.format(refunded.priceMinor(), "EUR") + " in cash");

        // the journal: that seat's ticket refunded, the other still live, the money recorded
        assertThat(ticketStatuses(sold.orderId()))
                .isEqualTo(Map.of(refunded.seatId(), TicketStatus.REFUNDED, kept.seatId(), TicketStatus.LIVE));
        OrderView after = app.context().getBean(OrderLookup.class).byOrderId(sold.orderId()).orElseThrow();
        assertThat(after.refundedMinor()).isEqualTo(refunded.priceMinor());
        assertThat(after.refunds()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("cannot attend");
            assertThat(r.actor()).isEqualTo("clerk");
        });
        // the outbox: the refund queued after its sale, for the sync server to void the ticket centrally too
        List<OutboxEntryEntity> queued = app.context().getBean(OutboxRepository.class).findAll().stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEntryEntity::getSequenceNo)).toList();
        assertThat(queued).extracting(OutboxEntryEntity::getKind).endsWith(TerminalOutbox.SALE, TerminalOutbox.REFUND);
        assertThat(TerminalOutboxJson.readRefund(queued.getLast().getPayload()).seatIds()).containsExactly(refunded.seatId());
        Label sync = robot.lookup("#sync-status").queryAs(Label.class);
        ClientFixture.waitFor(15, () -> sync.getText().contains("sales and refunds kept in this terminal's journal"));
        // Redis: the seat back on sale, the other still sold
        SeatLayout layout = layout();
        HoldStore holds = app.context().getBean(HoldStore.class);
        int freed = layout.indexOf(refunded.seatId());
        int stillSold = layout.indexOf(kept.seatId());
        assertThat(holds.availability(PERFORMANCE).stateOf(freed)).isEqualTo(SeatState.AVAILABLE);
        assertThat(holds.availability(PERFORMANCE).stateOf(stillSold)).isEqualTo(SeatState.SOLD);
        // the theatre's map, still open in its tab, shows the seat free again
        ClientFixture.waitFor(5, () -> map.stateOf(freed) == '.');
        assertThat(map.stateOf(stillSold)).isEqualTo('S');

        // the order shown again as it now stands: the refunded seat can no longer be ticked
        CheckBox refundedBox = robot.lookup("#refund-seat-" + refunded.seatId()).queryAs(CheckBox.class);
        CheckBox keptBox = robot.lookup("#refund-seat-" + kept.seatId()).queryAs(CheckBox.class);
        assertThat(refundedBox.isDisabled()).isTrue();
        assertThat(keptBox.isDisabled()).isFalse();
        assertThat(robot.lookup("#order-refunded").queryLabeled().getText())
                .isEqualTo(Money.format(refunded.priceMinor(), "EUR"));
        Screenshots.save(map.getScene(), Path.of("target/screenshots/find-order.png"));
    }

    @Test
    void searchingForNonsenseFindsNoOrderAndChangesNothing() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        OrderView sold = sellTwoSeatsInCash();

        pressFind();
        robot.write("nonsense");
        robot.type(KeyCode.ENTER);

        Label message = robot.lookup("#find-message").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> message.getText().startsWith("No order found"));
        assertThat(message.getText()).contains("\"nonsense\"");
        assertThat(robot.lookup("#find-results").queryListView().getItems()).isEmpty();
        assertThat(robot.lookup("#order-reference").tryQuery()).isEmpty();
        robot.type(KeyCode.F7);
        assertNothingRefunded(sold);
    }

    @Test
    void refundingWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        OrderView sold = sellTwoSeatsInCash();

        findOrder(sold.shortReference());
        robot.clickOn("#refund-seat-" + sold.seats().get(0).seatId());
        robot.clickOn("#refund-reason").write("   ");
        robot.type(KeyCode.F7);

        Label message = robot.lookup("#find-message").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> message.getText().startsWith("Type why"));
        assertThat(message.getStyleClass()).contains("problem");
        assertThat(robot.lookup("#refund-give-back").queryLabeled().getText()).isEmpty();
        assertNothingRefunded(sold);
    }

    /** Two best seats paid in cash on the sale screen; the order as the journal has it. */
    private OrderView sellTwoSeatsInCash() throws Exception {
        robot.interact(() -> robot.lookup("#best-count").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(2));
        robot.type(KeyCode.F2);
        ListView<String> basket = robot.lookup("#basket").queryListView();
        ClientFixture.waitFor(20, () -> basket.getItems().size() == 2);
        robot.clickOn("#tendered").write("500");
        robot.type(KeyCode.F9);
        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));

        var orders = app.context().getBean(SaleOrderRepository.class).findAll();
        assertThat(orders).hasSize(1);
        OrderView sold = app.context().getBean(OrderLookup.class).byOrderId(orders.getFirst().getId()).orElseThrow();
        assertThat(sold.seats()).hasSize(2).allSatisfy(s -> assertThat(s.ticketStatus()).isEqualTo(TicketStatus.LIVE));
        return sold;
    }

    private void pressFind() throws Exception {
        robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        TextField query = robot.lookup("#find-query").queryAs(TextField.class);
        ClientFixture.waitFor(5, () -> "find-order-tab".equals(tabs.getSelectionModel().getSelectedItem().getId())
                && query.isFocused());
    }

    private void findOrder(String reference) throws Exception {
        pressFind();
        robot.write(reference);
        robot.type(KeyCode.ENTER);
        // the seats and the reason sit in titled sections, whose content joins the window a pulse later
        ClientFixture.waitFor(10, () -> robot.lookup("#order-reference").tryQuery().isPresent()
                && robot.lookup(".seat-choice").queryAll().size() == 2
                && robot.lookup("#refund-reason").tryQuery().isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#order-reference").queryLabeled().getText())
                .isEqualTo("Order " + reference.toUpperCase(java.util.Locale.ROOT));
    }

    private void assertNothingRefunded(OrderView sold) throws Exception {
        // give a refund started by mistake the time to land before looking
        Thread.sleep(500);
        assertThat(app.context().getBean(RefundRepository.class).count()).isZero();
        assertThat(ticketStatuses(sold.orderId())).containsOnlyKeys(sold.seats().stream().map(OrderView.SeatLine::seatId).toList())
                .allSatisfy((seat, status) -> assertThat(status).isEqualTo(TicketStatus.LIVE));
        HoldStore holds = app.context().getBean(HoldStore.class);
        SeatLayout layout = layout();
        for (OrderView.SeatLine seat : sold.seats()) {
            assertThat(holds.availability(PERFORMANCE).stateOf(layout.indexOf(seat.seatId()))).isEqualTo(SeatState.SOLD);
        }
    }

    private Map<String, TicketStatus> ticketStatuses(String orderId) {
        List<TicketEntity> tickets = app.context().getBean(TicketRepository.class).findByOrderId(orderId);
        return tickets.stream().collect(Collectors.toMap(TicketEntity::getSeatId, TicketEntity::getStatus));
    }

    private SeatLayout layout() {
        return app.context().getBean(PerformanceSeatings.class).seating(PERFORMANCE).layout();
    }
}

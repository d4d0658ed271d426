package com.boxoffice.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketStatus;
import com.boxoffice.core.venue.VenueRepository;

/**
 * Refunds, exchanges, order look-up and till totals on a real journal database and a real Redis,
 * including crashes at every durable step followed by a restart. Runs in a journal of its own (the
 * property below gives it its own context and database), so its recovery runs see only its orders.
 */
@TestPropertySource(properties = "boxoffice.test.journal=refunds")
abstract class RefundFlowContract {

    @Autowired
    SaleOrderRepository orders;
    @Autowired
    PaymentRepository payments;
    @Autowired
    TicketRepository tickets;
    @Autowired
    RefundRepository refunds;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RedisScripts scripts;
    @Autowired
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;

    MutableClock clock;
    InMemoryPerformanceSeatings seatings;
    HoldTokens tokens;
    RedisHoldStore holds;
    SimulatedPaymentProvider cards;
    Performance performance;

    /** Each test's clock starts a day earlier than the one before, so a recovery sees only its own work. */
    private static final Instant EPOCH = Instant.parse("2001-01-01T12:00:00Z");
    private static final Duration CARD_ANSWER_TIME = Duration.ofMinutes(2);
    private static final AtomicInteger TESTS = new AtomicInteger();

    @BeforeEach
    void setUp() {
        clock = new MutableClock(EPOCH.minus(Duration.ofDays(TESTS.incrementAndGet())));
        seatings = new InMemoryPerformanceSeatings();
        performance = TestSeating.performance(8);
        seatings.register(performance, TestSeating.venue());
        JournalFixtures.store(performance, clock.instant(), venues, performances, transactions);
        tokens = new HoldTokens("a stable secret for the refund tests".getBytes());
        holds = new RedisHoldStore(scripts, clock, seatings, tokens, Duration.ofHours(1), 500);
        holds.load(performance.id(), List.of(), Map.of());
        cards = new SimulatedPaymentProvider(SimulatedPaymentProvider.Settings.INSTANT);
    }

    SaleService service(SaleCheckpoints checkpoints) {
        return new SaleService(holds, seatings, tokens, cards, orders, payments, tickets, refunds,
                new TransactionTemplate(transactions), clock, checkpoints, CARD_ANSWER_TIME);
    }

    SaleService service() {
        return service(SaleCheckpoints.NONE);
    }

    HoldRequest window(String... seats) {
        return new HoldRequest(performance.id(), null, "clerk-1", null, Channel.BOX_OFFICE, "T1", SeatSelection.seats(seats));
    }

    /** A completed sale of the seats, paid as given. */
    SaleReceipt sold(List<Tender> tenders, String... seats) {
        Basket basket = service().start(window(seats));
        return service().pay(basket.orderId(), tenders);
    }

    SaleReceipt soldByCard(String... seats) {
        Basket basket = service().start(window(seats));
        return service().pay(basket.orderId(), List.of(new Tender.Card(basket.totalMinor(), SimulatedOutcome.APPROVE)));
    }

    static RefundRequest refundOf(String refundId, String orderId, String... seats) {
        return new RefundRequest(refundId, orderId, List.of(seats), "buyer cannot come", "clerk-1", "T2");
    }

    SeatState seat(String seatId) {
        return holds.availability(performance.id()).stateOf(seatings.seating(performance.id()).layout().indexOf(seatId));
    }

    OrderStatus status(String orderId) {
        return orders.findById(orderId).orElseThrow().getStatus();
    }

    List<String> liveSeats(String orderId) {
        return tickets.findByOrderId(orderId).stream().filter(TicketEntity::isLive).map(TicketEntity::getSeatId).sorted().toList();
    }

    Instant afterNow() {
        return clock.instant().plusSeconds(1);
    }

    // --- refunds ---

    @Test
    void fullRefundPutsTheSeatsBackOnSaleAndGivesTheCardMoneyBack() {
        SaleReceipt sale = soldByCard("STALLS-A-1", "STALLS-C-1");

        RefundReceipt receipt = service().refund(refundOf("r-full", sale.orderId(), "STALLS-A-1", "STALLS-C-1"));

        assertThat(receipt).isEqualTo(new RefundReceipt("r-full", sale.orderId(), List.of("STALLS-A-1", "STALLS-C-1"),
                10000, "EUR", 10000, 0, true));
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(status(sale.orderId())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(liveSeats(sale.orderId())).isEmpty();
        assertThat(refunds.findById("r-full").orElseThrow().getStatus()).isEqualTo(RefundStatus.COMPLETED);
        // the seat can be sold again
        soldByCard("STALLS-A-1");
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void refundingTwiceWithTheSameIdGivesMoneyBackOnceAndTheSameReceipt() {
        SaleReceipt sale = soldByCard("STALLS-A-1");
        RefundReceipt first = service().refund(refundOf("r-twice", sale.orderId(), "STALLS-A-1"));
        // the seat is sold again to someone else before the retry arrives
        SaleReceipt resold = soldByCard("STALLS-A-1");

        RefundReceipt again = service().refund(refundOf("r-twice", sale.orderId(), "STALLS-A-1"));

        assertThat(again).isEqualTo(first);
        assertThat(cards.refundedMinor()).isEqualTo(6000);
        assertThat(refunds.findByOrderIdOrderByCreatedAt(sale.orderId())).hasSize(1);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(liveSeats(resold.orderId())).containsExactly("STALLS-A-1");
    }

    @Test
    void refundingTwiceAtOnceFromTwoThreadsGivesMoneyBackOnce() throws Exception {
        SaleReceipt sale = soldByCard("STALLS-A-1", "STALLS-A-2");
        List<RefundReceipt> receipts = race(
                () -> service().refund(refundOf("r-race", sale.orderId(), "STALLS-A-1", "STALLS-A-2")),
                () -> service().refund(refundOf("r-race", sale.orderId(), "STALLS-A-1", "STALLS-A-2")));

        assertThat(receipts.get(0)).isEqualTo(receipts.get(1));
        assertThat(cards.refundedMinor()).isEqualTo(12000);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(refunds.findByOrderIdOrderByCreatedAt(sale.orderId())).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(RefundStatus.COMPLETED));
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void twoRefundsOfTheSameSeatRacingUnderDifferentIdsRefundItOnce() throws Exception {
        SaleReceipt sale = soldByCard("STALLS-A-1");
        List<Object> outcomes = raceAllowingFailure(
                () -> service().refund(refundOf("r-one", sale.orderId(), "STALLS-A-1")),
                () -> service().refund(refundOf("r-two", sale.orderId(), "STALLS-A-1")));

        assertThat(outcomes).filteredOn(o -> o instanceof RefundReceipt).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof SeatAlreadyRefundedException).hasSize(1);
        assertThat(cards.refundedMinor()).isEqualTo(6000);
        assertThat(refunds.findByOrderIdOrderByCreatedAt(sale.orderId())).hasSize(1);
        assertThat(tickets.findByOrderId(sale.orderId())).extracting(TicketEntity::getStatus).containsExactly(TicketStatus.REFUNDED);
    }

    @Test
    void aPartialRefundOfASplitPaymentGoesToTheCardFirstAndKeepsTheRestOfTheOrder() {
        SaleReceipt sale = sold(List.of(new Tender.Card(5000, SimulatedOutcome.APPROVE), new Tender.Cash(11000, 20000)),
                "STALLS-A-1", "STALLS-A-2", "STALLS-C-1");

        RefundReceipt first = service().refund(refundOf("r-part-1", sale.orderId(), "STALLS-A-1"));

        assertThat(first.cardRefundedMinor()).isEqualTo(5000);
        assertThat(first.cashBackMinor()).isEqualTo(1000);
        assertThat(first.orderFullyRefunded()).isFalse();
        assertThat(status(sale.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveSeats(sale.orderId())).containsExactly("STALLS-A-2", "STALLS-C-1");
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.SOLD);

        // the card is used up: the rest comes out of the cash
        RefundReceipt second = service().refund(refundOf("r-part-2", sale.orderId(), "STALLS-C-1"));
        assertThat(second.cardRefundedMinor()).isZero();
        assertThat(second.cashBackMinor()).isEqualTo(4000);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(status(sale.orderId())).isEqualTo(OrderStatus.CONFIRMED);

        RefundReceipt last = service().refund(refundOf("r-part-3", sale.orderId(), "STALLS-A-2"));
        assertThat(last.cashBackMinor()).isEqualTo(6000);
        assertThat(last.orderFullyRefunded()).isTrue();
        assertThat(status(sale.orderId())).isEqualTo(OrderStatus.REFUNDED);
    }

    @ParameterizedTest
    @EnumSource(value = SaleStep.class, names = {"REFUND_JOURNALLED", "REFUND_MONEY_RETURNED", "REFUND_SEATS_FREED", "REFUND_COMPLETED"})
    void aRefundInterruptedAtAnyStepIsFinishedOnceOnRestart(SaleStep step) {
        String crashId = "r-crash-" + step;
        SaleReceipt sale = soldByCard("STALLS-A-1", "STALLS-A-2");
        assertThatThrownBy(() -> service(SaleFlowContract.crashAfter(step)).refund(refundOf(crashId, sale.orderId(), "STALLS-A-1")))
                .isInstanceOf(SaleFlowContract.SimulatedCrash.class);
        // whatever was done, the ticket is already void: the seat cannot be refunded a second time
        assertThat(liveSeats(sale.orderId())).containsExactly("STALLS-A-2");

        SaleService.RecoveryReport report = service().recover(afterNow());
        SaleService.RecoveryReport again = service().recover(afterNow());

        assertThat(report).isEqualTo(new SaleService.RecoveryReport(step == SaleStep.REFUND_COMPLETED ? 0 : 1, 0, 0, 0));
        assertThat(again).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(refunds.findById(crashId).orElseThrow().getStatus()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(cards.refundedMinor()).isEqualTo(6000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.SOLD);
        // and the clerk's retry answers the refund made, taking nothing more
        assertThat(service().refund(refundOf(crashId, sale.orderId(), "STALLS-A-1")).cardRefundedMinor()).isEqualTo(6000);
        assertThat(cards.refundedMinor()).isEqualTo(6000);
    }

    @Test
    void badRefundsAreRefusedAndChangeNothing() {
        SaleReceipt sale = sold(List.of(new Tender.Cash(6000, 6000)), "STALLS-A-1");
        SaleReceipt other = soldByCard("STALLS-A-2");
        service().refund(refundOf("r-done", other.orderId(), "STALLS-A-2"));
        Basket unpaid = service().start(window("STALLS-A-3"));
        String seatsBefore = holds.availability(performance.id()).states();
        long refundsBefore = refunds.count();
        long providerBefore = cards.refundedMinor();

        assertThatThrownBy(() -> service().refund(refundOf("r-bad-1", "no-such-order", "STALLS-A-1")))
                .isInstanceOf(UnknownOrderException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-bad-2", sale.orderId(), "STALLS-B-1")))
                .isInstanceOf(SeatNotInOrderException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-bad-3", sale.orderId(), "STALLS-A-1", "STALLS-B-1")))
                .isInstanceOf(SeatNotInOrderException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-bad-4", other.orderId(), "STALLS-A-2")))
                .isInstanceOf(SeatAlreadyRefundedException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-bad-5", unpaid.orderId(), "STALLS-A-3")))
                .isInstanceOf(OrderNotRefundableException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-done", sale.orderId(), "STALLS-A-1")))
                .isInstanceOf(RefundIdReusedException.class);
        assertThatThrownBy(() -> service().refund(refundOf("r-bad-6", sale.orderId())))
                .isInstanceOf(InvalidSaleRequestException.class);
        assertThatThrownBy(() -> service().refund(new RefundRequest("r-bad-7", sale.orderId(), List.of("STALLS-A-1"), " ", "clerk-1", "T1")))
                .isInstanceOf(InvalidSaleRequestException.class);

        assertThat(refunds.count()).isEqualTo(refundsBefore);
        assertThat(cards.refundedMinor()).isEqualTo(providerBefore);
        assertThat(holds.availability(performance.id()).states()).isEqualTo(seatsBefore);
        assertThat(status(sale.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveSeats(sale.orderId())).containsExactly("STALLS-A-1");
        assertThat(status(unpaid.orderId())).isEqualTo(OrderStatus.PRICED);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    // --- exchanges ---

    ExchangeRequest exchangeOf(String exchangeId, String fromOrderId, List<String> givenBack, String newOrderId,
                               Tender... tenders) {
        return new ExchangeRequest(exchangeId, fromOrderId, givenBack, newOrderId, List.of(tenders),
                "wants to sit further forward", "clerk-1", "T1");
    }

    @Test
    void anExchangeToDearerSeatsTakesTheDifferenceInCash() {
        SaleReceipt old = sold(List.of(new Tender.Cash(8000, 8000)), "STALLS-C-1", "STALLS-C-2");
        Basket dearer = service().start(window("STALLS-A-1", "STALLS-A-2"));

        ExchangeReceipt receipt = service().exchange(exchangeOf("x-up", old.orderId(),
                List.of("STALLS-C-1", "STALLS-C-2"), dearer.orderId(), new Tender.Cash(4000, 5000)));

        assertThat(receipt.creditMinor()).isEqualTo(8000);
        assertThat(receipt.toppedUpMinor()).isEqualTo(4000);
        assertThat(receipt.newOrder().changeMinor()).isEqualTo(1000);
        assertThat(receipt.cashBackMinor() + receipt.cardBackMinor()).isZero();
        assertThat(receipt.newOrder().tickets()).extracting(SaleReceipt.IssuedTicket::seatId)
                .containsExactlyInAnyOrder("STALLS-A-1", "STALLS-A-2");
        assertThat(status(old.orderId())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(status(dearer.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveSeats(old.orderId())).isEmpty();
        assertThat(liveSeats(dearer.orderId())).containsExactly("STALLS-A-1", "STALLS-A-2");
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(payments.findByOrderIdOrderByCreatedAt(dearer.orderId())).extracting(PaymentEntity::getMethod)
                .containsExactlyInAnyOrder(PaymentMethod.CREDIT, PaymentMethod.CASH);
        // the same exchange again changes nothing
        assertThat(service().exchange(exchangeOf("x-up", old.orderId(), List.of("STALLS-C-1", "STALLS-C-2"),
                dearer.orderId(), new Tender.Cash(4000, 5000)))).isEqualTo(receipt);
        assertThat(payments.findByOrderIdOrderByCreatedAt(dearer.orderId())).hasSize(2);
    }

    @Test
    void anExchangeToCheaperSeatsGivesTheDifferenceBackToTheCard() {
        SaleReceipt old = soldByCard("STALLS-A-1", "STALLS-A-2");
        Basket cheaper = service().start(window("STALLS-C-5"));

        ExchangeReceipt receipt = service().exchange(exchangeOf("x-down", old.orderId(), List.of("STALLS-A-1"),
                cheaper.orderId()));

        assertThat(receipt.creditMinor()).isEqualTo(6000);
        assertThat(receipt.cardBackMinor()).isEqualTo(2000);
        assertThat(receipt.toppedUpMinor()).isZero();
        assertThat(cards.netChargedMinor()).isEqualTo(12000 - 2000);
        assertThat(status(old.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveSeats(old.orderId())).containsExactly("STALLS-A-2");
        assertThat(liveSeats(cheaper.orderId())).containsExactly("STALLS-C-5");
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-C-5")).isEqualTo(SeatState.SOLD);
        // the seat given back is gone from the old order for good
        assertThatThrownBy(() -> service().refund(refundOf("r-after-x", old.orderId(), "STALLS-A-1")))
                .isInstanceOf(SeatAlreadyRefundedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = SaleStep.class, names = {"EXCHANGE_JOURNALLED", "PAID", "SEATS_CONFIRMED", "CONFIRMED",
            "EXCHANGE_NEW_SALE_CONFIRMED", "EXCHANGE_OLD_TICKETS_VOIDED", "REFUND_MONEY_RETURNED", "REFUND_SEATS_FREED"})
    void anExchangeInterruptedAtAnyStepIsFinishedOnRestart(SaleStep step) {
        String crashId = "x-crash-" + step;
        SaleReceipt old = soldByCard("STALLS-A-1");
        Basket cheaper = service().start(window("STALLS-C-5"));
        assertThatThrownBy(() -> service(SaleFlowContract.crashAfter(step)).exchange(exchangeOf(crashId, old.orderId(),
                List.of("STALLS-A-1"), cheaper.orderId()))).isInstanceOf(SaleFlowContract.SimulatedCrash.class);
        // the buyer never holds both: until the new sale is confirmed the old ticket stands alone
        if (status(cheaper.orderId()) != OrderStatus.CONFIRMED) {
            assertThat(liveSeats(old.orderId())).containsExactly("STALLS-A-1");
        }

        service().recover(afterNow());
        SaleService.RecoveryReport again = service().recover(afterNow());

        assertThat(again).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(refunds.findById(crashId).orElseThrow().getStatus()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(liveSeats(old.orderId())).isEmpty();
        assertThat(liveSeats(cheaper.orderId())).containsExactly("STALLS-C-5");
        assertThat(cards.netChargedMinor()).isEqualTo(4000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(seat("STALLS-C-5")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void anExchangeInterruptedBeforeItsTopUpCardWasChargedIsUnwoundAndTheOldTicketStands() {
        SaleReceipt old = soldByCard("STALLS-C-1");
        Basket dearer = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service(SaleFlowContract.crashAfter(SaleStep.EXCHANGE_JOURNALLED)).exchange(exchangeOf("x-card-crash",
                old.orderId(), List.of("STALLS-C-1"), dearer.orderId(), new Tender.Card(2000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(SaleFlowContract.SimulatedCrash.class);
        // the card might still be on its way: the exchange waits
        assertThat(service().recover(afterNow()).stillUnknown()).isPositive();
        assertThat(refunds.findById("x-card-crash").orElseThrow().getStatus()).isEqualTo(RefundStatus.AWAITING_NEW_SALE);
        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));

        service().recover(afterNow());

        assertThat(refunds.findById("x-card-crash").orElseThrow().getStatus()).isEqualTo(RefundStatus.UNWOUND);
        assertThat(liveSeats(old.orderId())).containsExactly("STALLS-C-1");
        assertThat(status(old.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(status(dearer.orderId())).isEqualTo(OrderStatus.FAILED);
        assertThat(cards.netChargedMinor()).isEqualTo(4000);
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        // the seat is the old order's again, to refund or exchange
        assertThat(service().refund(refundOf("r-after-unwind", old.orderId(), "STALLS-C-1")).cardRefundedMinor()).isEqualTo(4000);
    }

    @Test
    void aDeclinedTopUpCallsTheExchangeOffAndKeepsTheOldTicket() {
        SaleReceipt old = sold(List.of(new Tender.Cash(4000, 4000)), "STALLS-C-1");
        Basket dearer = service().start(window("STALLS-A-1"));

        assertThatThrownBy(() -> service().exchange(exchangeOf("x-declined", old.orderId(), List.of("STALLS-C-1"),
                dearer.orderId(), new Tender.Card(2000, SimulatedOutcome.DECLINE))))
                .isInstanceOf(ExchangeFailedException.class);

        assertThat(liveSeats(old.orderId())).containsExactly("STALLS-C-1");
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(status(dearer.orderId())).isEqualTo(OrderStatus.FAILED);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(refunds.findById("x-declined").orElseThrow().getStatus()).isEqualTo(RefundStatus.UNWOUND);
    }

    @Test
    void anExchangeWhoseNewSeatsWereLostGivesTheTopUpBackAndKeepsTheOldTicket() {
        SaleReceipt old = sold(List.of(new Tender.Cash(4000, 4000)), "STALLS-C-1");
        Basket dearer = service().start(window("STALLS-A-1"));
        clock.advance(TestSeating.HOLDS.boxOffice().plusSeconds(1));
        holds.sweep(performance.id());
        holds.hold(new HoldRequest(performance.id(), null, "web", "bob", Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1")));

        assertThatThrownBy(() -> service().exchange(exchangeOf("x-lost", old.orderId(), List.of("STALLS-C-1"),
                dearer.orderId(), new Tender.Card(2000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(ExchangeFailedException.class);

        assertThat(cards.netChargedMinor()).isZero();
        assertThat(liveSeats(old.orderId())).containsExactly("STALLS-C-1");
        assertThat(status(old.orderId())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(status(dearer.orderId())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aRefundAndAnExchangeRacingForTheSameSeatLeaveOneWinner() throws Exception {
        SaleReceipt old = soldByCard("STALLS-A-1");
        Basket newSeats = service().start(window("STALLS-A-5"));

        List<Object> outcomes = raceAllowingFailure(
                () -> service().refund(refundOf("r-vs-x", old.orderId(), "STALLS-A-1")),
                () -> service().exchange(exchangeOf("x-vs-r", old.orderId(), List.of("STALLS-A-1"), newSeats.orderId())));

        assertThat(outcomes).filteredOn(o -> o instanceof SeatAlreadyRefundedException).hasSize(1);
        assertThat(liveSeats(old.orderId())).isEmpty();
        assertThat(refunds.findByOrderIdOrderByCreatedAt(old.orderId())).hasSize(1);
        if (outcomes.get(0) instanceof RefundReceipt) {
            assertThat(cards.netChargedMinor()).isZero();
            assertThat(status(newSeats.orderId())).isEqualTo(OrderStatus.PRICED);
            assertThat(payments.findByOrderIdOrderByCreatedAt(newSeats.orderId())).isEmpty();
            assertThat(seat("STALLS-A-5")).isEqualTo(SeatState.HELD);
        } else {
            assertThat(cards.netChargedMinor()).isEqualTo(6000);
            assertThat(liveSeats(newSeats.orderId())).containsExactly("STALLS-A-5");
            assertThat(seat("STALLS-A-5")).isEqualTo(SeatState.SOLD);
        }
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void twoExchangesRacingForTheSameSeatLeaveOneWinner() throws Exception {
        SaleReceipt old = soldByCard("STALLS-A-1");
        Basket first = service().start(window("STALLS-A-5"));
        Basket second = service().start(window("STALLS-A-8"));

        List<Object> outcomes = raceAllowingFailure(
                () -> service().exchange(exchangeOf("x-first", old.orderId(), List.of("STALLS-A-1"), first.orderId())),
                () -> service().exchange(exchangeOf("x-second", old.orderId(), List.of("STALLS-A-1"), second.orderId())));

        assertThat(outcomes).filteredOn(o -> o instanceof ExchangeReceipt).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof SeatAlreadyRefundedException).hasSize(1);
        long confirmed = orders.findByPerformanceIdAndStatus(performance.id(), OrderStatus.CONFIRMED).stream()
                .filter(o -> o.getId().equals(first.orderId()) || o.getId().equals(second.orderId())).count();
        assertThat(confirmed).isEqualTo(1);
        assertThat(liveSeats(old.orderId())).isEmpty();
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
        assertThat(tickets.findAll().stream().filter(t -> t.isLive() && t.getPerformanceId().equals(performance.id()))
                .map(TicketEntity::getSeatId)).hasSize(1).containsAnyOf("STALLS-A-5", "STALLS-A-8");
    }

    @Test
    void badExchangesAreRefusedAndChangeNothing() {
        SaleReceipt old = sold(List.of(new Tender.Cash(4000, 4000)), "STALLS-C-1");
        Basket dearer = service().start(window("STALLS-A-1"));
        SaleReceipt otherSale = soldByCard("STALLS-A-9");
        String seatsBefore = holds.availability(performance.id()).states();
        long refundsBefore = refunds.count();

        assertThatThrownBy(() -> service().exchange(exchangeOf("x-bad-1", old.orderId(), List.of("STALLS-C-1"),
                dearer.orderId(), new Tender.Cash(1000, 1000)))).isInstanceOf(InvalidSaleRequestException.class);
        assertThatThrownBy(() -> service().exchange(exchangeOf("x-bad-2", old.orderId(), List.of("STALLS-C-2"),
                dearer.orderId(), new Tender.Cash(2000, 2000)))).isInstanceOf(SeatNotInOrderException.class);
        assertThatThrownBy(() -> service().exchange(exchangeOf("x-bad-3", old.orderId(), List.of("STALLS-C-1"),
                otherSale.orderId()))).isInstanceOf(InvalidSaleRequestException.class);
        assertThatThrownBy(() -> service().exchange(exchangeOf("x-bad-4", dearer.orderId(), List.of("STALLS-A-1"),
                old.orderId()))).isInstanceOf(InvalidSaleRequestException.class);
        assertThatThrownBy(() -> service().exchange(exchangeOf("x-bad-5", "no-such-order", List.of("STALLS-C-1"),
                dearer.orderId()))).isInstanceOf(UnknownOrderException.class);

        assertThat(refunds.count()).isEqualTo(refundsBefore);
        assertThat(holds.availability(performance.id()).states()).isEqualTo(seatsBefore);
        assertThat(status(dearer.orderId())).isEqualTo(OrderStatus.PRICED);
        assertThat(payments.findByOrderIdOrderByCreatedAt(dearer.orderId())).isEmpty();
        assertThat(liveSeats(old.orderId())).containsExactly("STALLS-C-1");
    }

    // --- look-up ---

    OrderLookup lookup() {
        return new OrderLookup(orders, payments, tickets, refunds);
    }

    @Test
    void anOrderIsFoundByIdShortReferenceTicketAndSeat() {
        SaleReceipt sale = sold(List.of(new Tender.Card(5000, SimulatedOutcome.APPROVE), new Tender.Cash(7000, 10000)),
                "STALLS-A-1", "STALLS-A-2");
        service().refund(refundOf("r-look", sale.orderId(), "STALLS-A-1"));
        String reference = OrderLookup.shortReference(sale.orderId());

        OrderView view = lookup().byOrderId(sale.orderId()).orElseThrow();

        assertThat(view.shortReference()).isEqualTo(sale.orderId().substring(0, 8).toUpperCase());
        assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(view.channel()).isEqualTo(Channel.BOX_OFFICE);
        assertThat(view.terminalId()).isEqualTo("T1");
        assertThat(view.performanceId()).isEqualTo(performance.id());
        assertThat(view.confirmedAt()).isNotNull();
        assertThat(view.totalMinor()).isEqualTo(12000);
        assertThat(view.refundedMinor()).isEqualTo(6000);
        assertThat(view.seats()).extracting(OrderView.SeatLine::seatId, OrderView.SeatLine::ticketStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("STALLS-A-1", TicketStatus.REFUNDED),
                        org.assertj.core.groups.Tuple.tuple("STALLS-A-2", TicketStatus.LIVE));
        assertThat(view.payments()).extracting(OrderView.PaymentLine::method, OrderView.PaymentLine::amountMinor,
                OrderView.PaymentLine::refundedMinor).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(PaymentMethod.CARD, 5000L, 5000L),
                org.assertj.core.groups.Tuple.tuple(PaymentMethod.CASH, 7000L, 1000L));
        assertThat(view.refunds()).singleElement().satisfies(r -> {
            assertThat(r.seatIds()).containsExactly("STALLS-A-1");
            assertThat(r.actor()).isEqualTo("clerk-1");
        });

        assertThat(lookup().byShortReference(reference.toLowerCase())).containsExactly(view);
        assertThat(lookup().byShortReference(reference)).containsExactly(view);
        String ticketId = view.seats().get(1).ticketId();
        assertThat(lookup().byTicketId(ticketId)).contains(view);
        assertThat(lookup().bySeat(performance.id(), "STALLS-A-2")).contains(view);
        // a refunded seat shows its last ticket's order until it is sold again
        assertThat(lookup().bySeat(performance.id(), "STALLS-A-1")).contains(view);
        SaleReceipt resold = soldByCard("STALLS-A-1");
        assertThat(lookup().bySeat(performance.id(), "STALLS-A-1")).hasValueSatisfying(v -> assertThat(v.orderId()).isEqualTo(resold.orderId()));
    }

    @Test
    void unknownQueriesFindNothing() {
        assertThat(lookup().byOrderId("no-such-order")).isEmpty();
        assertThat(lookup().byOrderId(null)).isEmpty();
        assertThat(lookup().byShortReference("ffffffff-no")).isEmpty();
        assertThat(lookup().byShortReference("%")).isEmpty();
        assertThat(lookup().byShortReference("abc")).isEmpty();
        assertThat(lookup().byTicketId("no-such-ticket")).isEmpty();
        assertThat(lookup().bySeat(performance.id(), "STALLS-E-12")).isEmpty();
        assertThat(lookup().bySeat("no-such-performance", "STALLS-A-1")).isEmpty();
    }

    @Test
    void aShortReferenceTwoOrdersShareFindsBoth() {
        String prefix = "0c0ffee" + TESTS.get() % 10;
        List<String> ids = List.of(prefix + "-aaaa-4aaa-8aaa-aaaaaaaaaaaa", prefix + "-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (String id : ids) {
                orders.save(SaleOrderEntity.open(id, performance.id(), Channel.BOX_OFFICE, "T1", null, null, clock.instant()));
            }
        });

        assertThat(lookup().byShortReference(prefix.toUpperCase())).extracting(OrderView::orderId).containsExactlyElementsOf(ids);
    }

    // --- till totals ---

    @Test
    void totalsCountWhatATerminalTookAndGaveBackInTheWindow() {
        Instant from = clock.instant();
        SaleReceipt cash = sold(List.of(new Tender.Cash(6000, 10000)), "STALLS-A-1");
        SaleReceipt card = soldByCard("STALLS-C-1", "STALLS-C-2");
        service().refund(new RefundRequest("r-till-1", cash.orderId(), List.of("STALLS-A-1"), "ill", "clerk-1", "T1"));
        service().refund(new RefundRequest("r-till-2", card.orderId(), List.of("STALLS-C-2"), "ill", "clerk-1", "T1"));
        // a refund paid out at another terminal counts there, not here
        SaleReceipt elsewhere = sold(List.of(new Tender.Cash(4000, 4000)), "STALLS-C-3");
        service().refund(new RefundRequest("r-till-3", elsewhere.orderId(), List.of("STALLS-C-3"), "ill", "clerk-2", "T2"));
        clock.advance(Duration.ofMinutes(1));
        Instant to = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        soldByCard("STALLS-A-2");

        SaleTotals totals = new TillTotals(payments, tickets, refunds).totals("T1", from, to);

        assertThat(totals.cashTakenMinor()).isEqualTo(6000 + 4000);
        assertThat(totals.cashRefundedMinor()).isEqualTo(6000);
        assertThat(totals.cardTakenMinor()).isEqualTo(8000);
        assertThat(totals.cardRefundedMinor()).isEqualTo(4000);
        assertThat(totals.netCashMinor()).isEqualTo(4000);
        assertThat(totals.sales()).isEqualTo(3);
        assertThat(totals.refunds()).isEqualTo(2);
        assertThat(totals.ticketsSold()).isEqualTo(4);
        assertThat(totals.ticketsRefunded()).isEqualTo(2);
        SaleTotals other = new TillTotals(payments, tickets, refunds).totals("T2", from, to);
        assertThat(other.cashRefundedMinor()).isEqualTo(4000);
        assertThat(other.cashTakenMinor()).isZero();
        assertThat(other.refunds()).isEqualTo(1);
    }

    // --- racing ---

    @SafeVarargs
    private <T> List<T> race(Callable<T>... calls) throws Exception {
        List<Object> outcomes = raceAllowingFailure(calls);
        List<T> out = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof Throwable t) {
                throw new AssertionError("a racer failed", t);
            }
            @SuppressWarnings("unchecked")
            T value = (T) o;
            out.add(value);
        }
        return out;
    }

    /** Runs the calls at once on real threads; each one's result or the exception it threw, in call order. */
    @SafeVarargs
    private List<Object> raceAllowingFailure(Callable<?>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> call : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return call.call();
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }
}

package com.boxoffice.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import com.boxoffice.core.payment.ChargeRequest;
import com.boxoffice.core.payment.ChargeResult;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.UnknownHoldException;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.hold.LimitExceededException;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.SellingMode;
import com.boxoffice.core.sync.SyncRefund;
import com.boxoffice.core.sync.SyncSale;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The sale flow end to end on a real journal database and a real Redis, including crashes at every
 * durable step followed by a restart (a new service over the same journal, Redis and provider).
 */
abstract class SaleFlowContract {

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
    @Autowired
    SeatAssignmentRepository assignments;
    @Autowired
    OutboxRepository outbox;

    MutableClock clock;
    InMemoryPerformanceSeatings seatings;
    HoldTokens tokens;
    RedisHoldStore holds;
    FlakyCards cards;
    Performance performance;

    /**
     * The simulated provider, which can also be made unreachable for look-ups and can run something
     * just before it charges (to race another process against a charge in flight).
     */
    static final class FlakyCards extends SimulatedPaymentProvider {
        volatile int lookupFailures;
        volatile Runnable beforeCharge;

        FlakyCards() {
            super(Settings.INSTANT);
        }

        @Override
        public Optional<ChargeResult> lookup(String idempotencyKey) {
            if (lookupFailures > 0) {
                lookupFailures--;
                throw new IllegalStateException("card provider unreachable");
            }
            return super.lookup(idempotencyKey);
        }

        @Override
        public ChargeResult charge(ChargeRequest request) {
            Runnable hook = beforeCharge;
            beforeCharge = null;
            if (hook != null) {
                hook.run();
            }
            return super.charge(request);
        }
    }

    /** Thrown from a checkpoint: the process dies right after that step was committed. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(SaleStep step) {
            super("crash after " + step);
        }
    }

    /**
     * Recovery reads the whole journal, which the test classes on one database share. Each test's
     * clock starts a day earlier than the one before, and long before any other journal test, so
     * a recovery cut-off just after its own start sees only its own orders.
     */
    private static final Instant EPOCH = Instant.parse("2000-01-01T12:00:00Z");
    static final Duration CARD_ANSWER_TIME = Duration.ofMinutes(2);
    private static final AtomicInteger TESTS = new AtomicInteger();

    @BeforeEach
    void setUp() {
        clock = new MutableClock(EPOCH.minus(Duration.ofDays(TESTS.incrementAndGet())));
        seatings = new InMemoryPerformanceSeatings();
        performance = TestSeating.performance(4);
        seatings.register(performance, TestSeating.venue());
        JournalFixtures.store(performance, clock.instant(), venues, performances, transactions);
        tokens = new HoldTokens("a stable secret for the journal tests".getBytes());
        holds = new RedisHoldStore(scripts, clock, seatings, tokens, Duration.ofHours(1), 500);
        holds.load(performance.id(), List.of(), Map.of());
        cards = new FlakyCards();
    }

    SaleService service(SaleCheckpoints checkpoints) {
        return new SaleService(holds, seatings, tokens, cards, orders, payments, tickets, refunds,
                new TransactionTemplate(transactions), clock, checkpoints, CARD_ANSWER_TIME);
    }

    SaleService service() {
        return service(SaleCheckpoints.NONE);
    }

    /** A terminal's sale service, queueing its confirmed sales in the outbox under {@code terminalId}. */
    SaleService terminal(String terminalId, SaleCheckpoints checkpoints) {
        return new SaleService(holds, seatings, tokens, cards, orders, payments, tickets, refunds,
                new TransactionTemplate(transactions), clock, checkpoints, CARD_ANSWER_TIME,
                new TerminalOutbox(outbox, terminalId, clock, order -> SellingMode.ONLINE));
    }

    List<SyncSale> queued(String terminalId) {
        return outbox.findAll().stream().filter(e -> e.getTerminalId().equals(terminalId))
                .sorted(java.util.Comparator.comparingLong(OutboxEntryEntity::getSequenceNo))
                .map(e -> TerminalOutboxJson.read(e.getPayload()))
                .toList();
    }

    static SaleCheckpoints crashAfter(SaleStep target) {
        return (step, orderId) -> {
            if (step == target) {
                throw new SimulatedCrash(step);
            }
        };
    }

    HoldRequest window(String... seats) {
        return new HoldRequest(performance.id(), null, "clerk-1", null, Channel.BOX_OFFICE, "T1", SeatSelection.seats(seats));
    }

    SeatState seat(String seatId) {
        return holds.availability(performance.id()).stateOf(seatings.seating(performance.id()).layout().indexOf(seatId));
    }

    List<TicketEntity> liveTickets(String orderId) {
        return tickets.findByOrderId(orderId).stream().filter(TicketEntity::isLive).toList();
    }

    @Test
    void cashSaleGivesChangeIssuesTicketsAndSellsTheSeats() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1", "STALLS-C-1"));
        assertThat(basket.totalMinor()).isEqualTo(6000 + 4000);
        assertThat(basket.currency()).isEqualTo("EUR");

        SaleReceipt receipt = sales.pay(basket.orderId(), List.of(new Tender.Cash(10000, 20000)));

        assertThat(receipt.changeMinor()).isEqualTo(10000);
        assertThat(receipt.tickets()).extracting(SaleReceipt.IssuedTicket::seatId).containsExactlyInAnyOrder("STALLS-A-1", "STALLS-C-1");
        assertThat(orders.findById(basket.orderId())).hasValueSatisfying(o -> assertThat(o.getStatus()).isEqualTo(OrderStatus.CONFIRMED));
        assertThat(liveTickets(basket.orderId())).hasSize(2);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-C-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void splitPaymentTakesCardAndCash() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1", "STALLS-A-2"));
        SaleReceipt receipt = sales.pay(basket.orderId(),
                List.of(new Tender.Card(7000, SimulatedOutcome.APPROVE), new Tender.Cash(5000, 5000)));
        assertThat(receipt.changeMinor()).isZero();
        assertThat(cards.chargedMinor()).isEqualTo(7000);
        assertThat(payments.findByOrderIdOrderByCreatedAt(basket.orderId()))
                .extracting(p -> p.getStatus()).containsOnly(PaymentStatus.CAPTURED).hasSize(2);
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayableAnotherWay() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.DECLINE))))
                .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> assertThat(e.stillDueMinor()).isEqualTo(6000));
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);

        sales.pay(basket.orderId(), List.of(new Tender.Cash(6000, 6000)));
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(cards.chargedMinor()).isZero();
    }

    @Test
    void aCardTimeoutThatDidChargeIsLookedUpAndNeverChargedTwice() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        SaleReceipt receipt = sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_CHARGED)));
        assertThat(receipt.tickets()).hasSize(1);
        assertThat(cards.chargedMinor()).isEqualTo(6000);
    }

    @Test
    void aCardTimeoutThatDidNotChargeAsksForPaymentAgain() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_NOT_CHARGED))))
                .isInstanceOf(PaymentDeclinedException.class);
        sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));
        assertThat(cards.chargedMinor()).isEqualTo(6000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void payingACompletedOrderAgainTakesNothingMore() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        SaleReceipt first = sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));
        SaleReceipt second = sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));
        assertThat(second).isEqualTo(first);
        assertThat(cards.chargedMinor()).isEqualTo(6000);
        assertThat(tickets.findByOrderId(basket.orderId())).hasSize(1);
    }

    @Test
    void paymentsThatDoNotAddUpAreRefusedAndChangeNothing() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        for (List<Tender> bad : List.of(
                List.<Tender>of(new Tender.Cash(5000, 5000)),
                List.<Tender>of(new Tender.Cash(6000, 5000)),
                List.<Tender>of(new Tender.Card(7000, SimulatedOutcome.APPROVE), new Tender.Cash(-1000, 0)),
                List.<Tender>of())) {
            assertThatThrownBy(() -> sales.pay(basket.orderId(), bad)).isInstanceOf(InvalidSaleRequestException.class);
        }
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PRICED);
        assertThat(payments.findByOrderIdOrderByCreatedAt(basket.orderId())).isEmpty();
        assertThat(cards.chargedMinor()).isZero();
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);
    }

    @Test
    void anUnknownOrderIsRefused() {
        assertThatThrownBy(() -> service().pay("no-such-order", List.of(new Tender.Cash(1, 1)))).isInstanceOf(UnknownOrderException.class);
    }

    @Test
    void cancellingBeforePaymentPutsTheSeatsBack() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        sales.cancel(basket.orderId());
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void whenTheSeatsWereTakenAfterTheHoldRanOutTheMoneyGoesBack() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        clock.advance(TestSeating.HOLDS.boxOffice().plusSeconds(1));
        holds.sweep(performance.id());
        holds.hold(new HoldRequest(performance.id(), null, "web", "bob", Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1")));

        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(SaleFailedException.class);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(tickets.findByOrderId(basket.orderId())).isEmpty();
    }

    @Test
    void theDatabaseRefusesASecondLiveTicketAndTheBuyerIsRefunded() {
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        // a ticket for the same seat already in the journal (a bug upstream must not make a double sale)
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            SaleOrderEntity other = SaleOrderEntity.open(UUID.randomUUID().toString(), performance.id(),
                    Channel.BOX_OFFICE, "T9", null, null, clock.instant());
            orders.save(other);
            tickets.save(TicketEntity.issue(UUID.randomUUID().toString(), other.getId(), performance.id(), "STALLS-A-1", 6000, clock.instant()));
        });

        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(SaleFailedException.class);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(liveTickets(basket.orderId())).isEmpty();
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.REFUNDED);
    }

    // --- the terminal's outbox ---

    @Test
    void aConfirmedSaleIsQueuedForTheSyncServerWithItsSeatsAndMoney() {
        String terminal = "T-" + UUID.randomUUID();
        SaleService sales = terminal(terminal, SaleCheckpoints.NONE);
        Basket first = sales.start(window("STALLS-A-1", "STALLS-C-1"));
        sales.pay(first.orderId(), List.of(new Tender.Card(4000, SimulatedOutcome.APPROVE), new Tender.Cash(6000, 10000)));
        Basket second = sales.start(window("STALLS-A-2"));
        sales.pay(second.orderId(), List.of(new Tender.Cash(6000, 6000)));

        List<SyncSale> queued = queued(terminal);
        assertThat(queued).extracting(SyncSale::orderId).containsExactly(first.orderId(), second.orderId());
        assertThat(queued).extracting(SyncSale::sequence).containsExactly(1L, 2L);
        assertThat(queued).extracting(SyncSale::saleId).doesNotHaveDuplicates().doesNotContainNull();
        SyncSale sale = queued.getFirst();
        assertThat(sale.performanceId()).isEqualTo(performance.id());
        assertThat(sale.channel()).isEqualTo("BOX_OFFICE");
        assertThat(sale.mode()).isEqualTo("ONLINE");
        assertThat(sale.currency()).isEqualTo("EUR");
        assertThat(sale.seats()).extracting(SyncSale.Seat::seatId, SyncSale.Seat::priceMinor)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("STALLS-A-1", 6000L),
                        org.assertj.core.groups.Tuple.tuple("STALLS-C-1", 4000L));
        assertThat(sale.payments()).extracting(SyncSale.Payment::method, SyncSale.Payment::amountMinor,
                        SyncSale.Payment::tenderedMinor, SyncSale.Payment::changeMinor)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CARD", 4000L, null, null),
                        org.assertj.core.groups.Tuple.tuple("CASH", 6000L, 10000L, 4000L));
    }

    @Test
    void aCancelledSaleIsNotQueuedAndADeclinedCardIsNotPartOfTheSale() {
        String terminal = "T-" + UUID.randomUUID();
        SaleService sales = terminal(terminal, SaleCheckpoints.NONE);
        sales.cancel(sales.start(window("STALLS-A-2")).orderId());
        Basket declined = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(declined.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.DECLINE))))
                .isInstanceOf(PaymentDeclinedException.class);
        assertThat(queued(terminal)).isEmpty();

        sales.pay(declined.orderId(), List.of(new Tender.Cash(6000, 6000)));
        assertThat(queued(terminal)).singleElement().satisfies(sale -> {
            assertThat(sale.orderId()).isEqualTo(declined.orderId());
            assertThat(sale.payments()).extracting(SyncSale.Payment::method).containsExactly("CASH");
        });
    }

    @Test
    void aSaleInterruptedBeforeItsTicketsIsQueuedExactlyOnceOnRestart() {
        String terminal = "T-" + UUID.randomUUID();
        Basket basket = terminal(terminal, SaleCheckpoints.NONE).start(window("STALLS-A-1"));
        assertThatThrownBy(() -> terminal(terminal, crashAfter(SaleStep.SEATS_CONFIRMED)).pay(basket.orderId(),
                List.of(new Tender.Cash(6000, 10000)))).isInstanceOf(SimulatedCrash.class);
        assertThat(queued(terminal)).isEmpty();

        SaleService restarted = terminal(terminal, SaleCheckpoints.NONE);
        assertThat(restarted.recover(clock.instant().plusSeconds(1)).completed()).isEqualTo(1);
        restarted.recover(clock.instant().plusSeconds(1));
        restarted.pay(basket.orderId(), List.of(new Tender.Cash(6000, 6000)));

        assertThat(queued(terminal)).singleElement().satisfies(sale -> {
            assertThat(sale.orderId()).isEqualTo(basket.orderId());
            assertThat(sale.sequence()).isEqualTo(1);
        });
    }

    @Test
    void aRestartedTerminalNumbersOnFromItsLastQueuedSale() {
        String terminal = "T-" + UUID.randomUUID();
        SaleService before = terminal(terminal, SaleCheckpoints.NONE);
        before.pay(before.start(window("STALLS-A-1")).orderId(), List.of(new Tender.Cash(6000, 6000)));
        SaleService after = terminal(terminal, SaleCheckpoints.NONE);
        after.pay(after.start(window("STALLS-A-2")).orderId(), List.of(new Tender.Cash(6000, 6000)));
        assertThat(queued(terminal)).extracting(SyncSale::sequence).containsExactly(1L, 2L);
    }

    @Test
    void seatsGivenBackAreQueuedAfterTheirSaleAndARefusedRefundQueuesNothing() {
        String terminal = "T-" + UUID.randomUUID();
        SaleService sales = terminal(terminal, SaleCheckpoints.NONE);
        Basket sold = sales.start(window("STALLS-A-1", "STALLS-C-1"));
        sales.pay(sold.orderId(), List.of(new Tender.Cash(10000, 10000)));
        assertThatThrownBy(() -> sales.refund(new RefundRequest("r-" + UUID.randomUUID(), sold.orderId(),
                List.of("STALLS-B-9"), "not in the order", "clerk-1", terminal))).isInstanceOf(SeatNotInOrderException.class);
        assertThat(entries(terminal)).extracting(OutboxEntryEntity::getKind).containsExactly(TerminalOutbox.SALE);

        String refundId = "r-" + UUID.randomUUID();
        sales.refund(new RefundRequest(refundId, sold.orderId(), List.of("STALLS-C-1"), "buyer cannot come", "clerk-1",
                terminal));
        sales.refund(new RefundRequest(refundId, sold.orderId(), List.of("STALLS-C-1"), "buyer cannot come", "clerk-1",
                terminal));

        List<OutboxEntryEntity> entries = entries(terminal);
        assertThat(entries).extracting(OutboxEntryEntity::getKind).containsExactly(TerminalOutbox.SALE, TerminalOutbox.REFUND);
        SyncRefund refund = TerminalOutboxJson.readRefund(entries.get(1).getPayload());
        assertThat(refund.kind()).isEqualTo("REFUND");
        assertThat(refund.orderId()).isEqualTo(sold.orderId());
        assertThat(refund.performanceId()).isEqualTo(performance.id());
        assertThat(refund.seatIds()).containsExactly("STALLS-C-1");
        assertThat(refund.amountMinor()).isEqualTo(4000);
        assertThat(refund.currency()).isEqualTo("EUR");
        assertThat(refund.sequence()).isEqualTo(2);
        assertThat(refund.refundId()).isEqualTo(entries.get(1).getMessageId()).hasSize(36);
    }

    @Test
    void anExchangeQueuesTheOldSeatsGivenBackAndTheNewSale() {
        String terminal = "T-" + UUID.randomUUID();
        SaleService sales = terminal(terminal, SaleCheckpoints.NONE);
        Basket old = sales.start(window("STALLS-C-1"));
        sales.pay(old.orderId(), List.of(new Tender.Cash(4000, 4000)));
        Basket dearer = sales.start(window("STALLS-A-1"));
        sales.exchange(new ExchangeRequest("x-" + UUID.randomUUID(), old.orderId(), List.of("STALLS-C-1"), dearer.orderId(),
                List.of(new Tender.Cash(2000, 2000)), "wants to sit further forward", "clerk-1", terminal));

        List<OutboxEntryEntity> entries = entries(terminal);
        assertThat(entries).extracting(OutboxEntryEntity::getKind)
                .containsExactlyInAnyOrder(TerminalOutbox.SALE, TerminalOutbox.SALE, TerminalOutbox.REFUND);
        OutboxEntryEntity given = entries.stream().filter(e -> e.getKind().equals(TerminalOutbox.REFUND)).findFirst().orElseThrow();
        SyncRefund refund = TerminalOutboxJson.readRefund(given.getPayload());
        assertThat(refund.kind()).isEqualTo("EXCHANGE");
        assertThat(refund.orderId()).isEqualTo(old.orderId());
        assertThat(refund.seatIds()).containsExactly("STALLS-C-1");
        assertThat(queuedSales(entries)).extracting(SyncSale::orderId).containsExactly(old.orderId(), dearer.orderId());
    }

    List<OutboxEntryEntity> entries(String terminalId) {
        return outbox.findAll().stream().filter(e -> e.getTerminalId().equals(terminalId))
                .sorted(java.util.Comparator.comparingLong(OutboxEntryEntity::getSequenceNo))
                .toList();
    }

    static List<SyncSale> queuedSales(List<OutboxEntryEntity> entries) {
        return entries.stream().filter(e -> !e.getKind().equals(TerminalOutbox.REFUND))
                .map(e -> TerminalOutboxJson.read(e.getPayload())).toList();
    }

    @Test
    void recoveryLeavesAPaidOrderThatNeverHadAHoldAlone() {
        // as the sync server records a terminal's sale that is due a refund: paid, no hold, no tickets
        String orderId = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            SaleOrderEntity order = SaleOrderEntity.open(orderId, performance.id(), Channel.BOX_OFFICE, "T9", null, null,
                    clock.instant());
            order.price(List.of(new OrderSeat("STALLS-A-1", "A", 6000)), "EUR", clock.instant());
            order.awaitPayment("pay-" + orderId, clock.instant());
            order.markPaid(clock.instant());
            orders.save(order);
        });

        SaleService.RecoveryReport report = service().recover(clock.instant().plusSeconds(3600));

        assertThat(report).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(orders.findById(orderId).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(tickets.findByOrderId(orderId)).isEmpty();
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(cards.chargedMinor()).isZero();
    }

    // --- crash and restart ---

    @Test
    void aSaleInterruptedAfterPaymentCompletesExactlyOnceOnRestart() {
        Basket basket = service(crashAfter(SaleStep.PAID)).start(window("STALLS-A-1", "STALLS-A-2"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.PAID)).pay(basket.orderId(),
                List.of(new Tender.Card(12000, SimulatedOutcome.APPROVE)))).isInstanceOf(SimulatedCrash.class);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);

        SaleService restarted = service();
        SaleService.RecoveryReport report = restarted.recover(clock.instant().plusSeconds(1));
        SaleService.RecoveryReport again = restarted.recover(clock.instant().plusSeconds(1));

        assertThat(report.completed()).isEqualTo(1);
        assertThat(again).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveTickets(basket.orderId())).hasSize(2);
        assertThat(cards.chargedMinor()).isEqualTo(12000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aPaidSaleWhoseHoldARebuildDroppedKeepsItsSeatsIfFreeAndIsRefundedIfTaken() {
        Basket lost = service().start(window("STALLS-A-1"));
        Basket kept = service().start(window("STALLS-A-2"));
        for (Basket b : List.of(lost, kept)) {
            assertThatThrownBy(() -> service(crashAfter(SaleStep.PAID)).pay(b.orderId(),
                    List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)))).isInstanceOf(SimulatedCrash.class);
        }
        rebuild().rebuild(performance.id());
        holds.hold(new HoldRequest(performance.id(), null, "web", "bob", Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1")));

        SaleService.RecoveryReport report = service().recover(clock.instant().plusSeconds(1));

        assertThat(report).isEqualTo(new SaleService.RecoveryReport(1, 1, 0, 0));
        assertThat(orders.findById(lost.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(orders.findById(kept.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.SOLD);
        assertThat(liveTickets(kept.orderId())).hasSize(1);
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
    }

    // --- steps of one sale running at once, and answers that never came ---

    @Test
    void aCardLeftUnansweredIsSettledBeforeAnythingIsChargedAgain() {
        cards.lookupFailures = 1;
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_CHARGED))))
                .isInstanceOf(PaymentOutcomeUnknownException.class);
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(PaymentOutcomeUnknownException.class);
        assertThat(cards.chargedMinor()).isEqualTo(6000);

        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));
        SaleReceipt receipt = sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));

        assertThat(receipt.tickets()).hasSize(1);
        assertThat(cards.chargedMinor()).isEqualTo(6000);
        assertThat(sales.recover(clock.instant().plus(Duration.ofHours(1)))).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
    }

    @Test
    void settlingPaymentsCompletesASaleWhoseUnansweredCardDidChargeAndChargesNothingMore() {
        cards.lookupFailures = 1;
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_CHARGED))))
                .isInstanceOf(PaymentOutcomeUnknownException.class);
        assertThat(sales.settlePayments()).as("too early: the answer may still come").isZero();

        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));
        assertThat(sales.settlePayments()).isEqualTo(1);
        assertThat(sales.settlePayments()).isZero();

        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveTickets(basket.orderId())).hasSize(1);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(cards.chargedMinor()).isEqualTo(6000);
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
    }

    @Test
    void settlingPaymentsVoidsAnUnansweredCardThatDidNotChargeAndLeavesTheSaleToBePaidAgain() {
        cards.lookupFailures = 1;
        SaleService sales = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_NOT_CHARGED))))
                .isInstanceOf(PaymentOutcomeUnknownException.class);
        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));

        assertThat(sales.settlePayments()).isZero();
        assertThat(payments.findByOrderIdOrderByCreatedAt(basket.orderId())).extracting(p -> p.getStatus())
                .containsExactly(PaymentStatus.VOIDED);
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);

        sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
    }

    @Test
    void recoveryVoidsACardThatNeverAnsweredSoItCanNeverLandLater() {
        cards.lookupFailures = 1;
        Basket basket = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service().pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.TIMEOUT_NOT_CHARGED))))
                .isInstanceOf(PaymentOutcomeUnknownException.class);
        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));

        SaleService.RecoveryReport report = service().recover(clock.instant().plusSeconds(1));

        assertThat(report.unwound()).isEqualTo(1);
        String key = payments.findByOrderIdOrderByCreatedAt(basket.orderId()).get(0).getIdempotencyKey();
        assertThat(cards.charge(new ChargeRequest(key, 6000, "EUR", "late", SimulatedOutcome.APPROVE)).approved()).isFalse();
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void aSaleWhosePaymentHasStartedCannotBeCancelledAndACancelledOneCannotBePaid() {
        SaleService sales = service();
        Basket paying = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(paying.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.DECLINE))))
                .isInstanceOf(PaymentDeclinedException.class);
        assertThatThrownBy(() -> sales.cancel(paying.orderId())).isInstanceOf(InvalidSaleRequestException.class);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);

        Basket cancelled = sales.start(window("STALLS-A-2"));
        sales.cancel(cancelled.orderId());
        assertThatThrownBy(() -> sales.pay(cancelled.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(InvalidSaleRequestException.class);
        assertThat(cards.chargedMinor()).isZero();
        assertThat(payments.findByOrderIdOrderByCreatedAt(cancelled.orderId())).isEmpty();
    }

    @Test
    void recoveryOnAnotherServerLeavesAPaymentInProgressAlone() {
        SaleService sales = service();
        SaleService otherServer = service();
        Basket basket = sales.start(window("STALLS-A-1"));
        assertThatThrownBy(() -> sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.DECLINE))))
                .isInstanceOf(PaymentDeclinedException.class);
        clock.advance(Duration.ofMinutes(3));
        List<SaleService.RecoveryReport> during = new java.util.concurrent.CopyOnWriteArrayList<>();
        cards.beforeCharge = () -> during.add(otherServer.recover(clock.instant().minus(Duration.ofMinutes(2))));

        sales.pay(basket.orderId(), List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)));

        assertThat(during).containsExactly(new SaleService.RecoveryReport(0, 0, 0, 0));
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
    }

    @Test
    void manyServersFinishingOnePaidSaleAtOnceIssueItsTicketsOnce() throws Exception {
        Basket basket = service().start(window("STALLS-A-1", "STALLS-A-2"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.PAID)).pay(basket.orderId(),
                List.of(new Tender.Card(12000, SimulatedOutcome.APPROVE)))).isInstanceOf(SimulatedCrash.class);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<SaleReceipt>> finishing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SaleService server = service();
            finishing.add(pool.submit(() -> {
                go.await();
                return server.pay(basket.orderId(), List.of());
            }));
        }
        go.countDown();
        for (var f : finishing) {
            assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS).tickets()).hasSize(2);
        }
        pool.shutdown();

        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveTickets(basket.orderId())).hasSize(2);
        assertThat(cards.netChargedMinor()).isEqualTo(12000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aLapsedHoldThatWouldTakeTheBuyerOverTheLimitIsRefundedNotLeftPaid() {
        SaleService sales = service();
        Basket first = sales.start(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-B-1", "STALLS-B-2", "STALLS-B-3", "STALLS-B-4")));
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));
        holds.sweep(performance.id());
        sales.start(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-B-9", "STALLS-B-10")));

        assertThatThrownBy(() -> sales.pay(first.orderId(), List.of(new Tender.Card(24000, SimulatedOutcome.APPROVE))))
                .isInstanceOf(SaleFailedException.class);
        assertThat(orders.findById(first.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(cards.netChargedMinor()).isZero();
        assertThat(sales.recover(clock.instant().plusSeconds(1)).failed()).isZero();
    }

    @Test
    void theSameRequestStartedTwiceIsOneOrder() {
        HoldRequest request = new HoldRequest(performance.id(), "req-1", "clerk-1", null, Channel.BOX_OFFICE, "T1",
                SeatSelection.seats("STALLS-C-1"));
        Basket first = service().start(request);
        Basket again = service().start(request);
        assertThat(again.orderId()).isEqualTo(first.orderId());

        service().pay(again.orderId(), List.of(new Tender.Card(4000, SimulatedOutcome.APPROVE)));
        Basket afterSale = service().start(request);
        assertThat(afterSale.orderId()).isEqualTo(first.orderId());
        assertThat(orders.findByPerformanceIdAndStatus(performance.id(), OrderStatus.CONFIRMED)).hasSize(1);
        assertThat(cards.chargedMinor()).isEqualTo(4000);
    }

    @Test
    void whenRedisIsAwayRecoveryLeavesPaidSalesForTheNextRun() {
        Basket basket = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.PAID)).pay(basket.orderId(),
                List.of(new Tender.Cash(6000, 6000)))).isInstanceOf(SimulatedCrash.class);
        RedisClient client = RedisClient.create(TestRedis.url());
        try {
            StatefulRedisConnection<String, String> gone = client.connect();
            gone.close();
            RedisHoldStore unreachable = new RedisHoldStore(new RedisScripts(gone), clock, seatings, tokens, Duration.ofHours(1), 500);
            SaleService whileAway = new SaleService(unreachable, seatings, tokens, cards, orders, payments, tickets, refunds,
                    new TransactionTemplate(transactions), clock, SaleCheckpoints.NONE, CARD_ANSWER_TIME);

            assertThat(whileAway.recover(clock.instant().plusSeconds(1))).isEqualTo(new SaleService.RecoveryReport(0, 0, 0, 1));
            assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
        } finally {
            client.shutdown();
        }
        assertThat(service().recover(clock.instant().plusSeconds(1)).completed()).isEqualTo(1);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aSaleWhoseSeatsWereSoldBeforeItsHoldRecordWasForgottenStillCompletes() {
        Basket basket = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.SEATS_CONFIRMED)).pay(basket.orderId(),
                List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)))).isInstanceOf(SimulatedCrash.class);
        // the restart comes late: the ended hold's record is past its retention and purged
        clock.advance(Duration.ofHours(2));
        holds.sweep(performance.id());
        assertThatThrownBy(() -> holds.confirm(basket.hold().holdId(), basket.hold().token(), basket.orderId()))
                .isInstanceOf(UnknownHoldException.class);

        assertThat(service().recover(clock.instant().plusSeconds(1))).isEqualTo(new SaleService.RecoveryReport(1, 0, 0, 0));
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(liveTickets(basket.orderId())).hasSize(1);
        assertThat(cards.netChargedMinor()).isEqualTo(6000);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aSaleInterruptedBetweenSeatsAndTicketsWritesItsTicketsOnceOnRestart() {
        Basket basket = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.SEATS_CONFIRMED)).pay(basket.orderId(),
                List.of(new Tender.Cash(6000, 10000)))).isInstanceOf(SimulatedCrash.class);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(tickets.findByOrderId(basket.orderId())).isEmpty();

        assertThat(service().recover(clock.instant().plusSeconds(1)).completed()).isEqualTo(1);
        assertThat(liveTickets(basket.orderId())).hasSize(1);
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aCrashBeforeTheCardWasChargedUnwindsTheSaleAndChargesNothing() {
        Basket basket = service().start(window("STALLS-A-1"));
        assertThatThrownBy(() -> service(crashAfter(SaleStep.PAYMENT_PENDING)).pay(basket.orderId(),
                List.of(new Tender.Card(6000, SimulatedOutcome.APPROVE)))).isInstanceOf(SimulatedCrash.class);
        // until the card answer time has passed the charge might still be on its way
        assertThat(service().recover(clock.instant().plusSeconds(1))).isEqualTo(new SaleService.RecoveryReport(0, 0, 1, 0));
        clock.advance(CARD_ANSWER_TIME.plusSeconds(1));

        SaleService.RecoveryReport report = service().recover(clock.instant().plusSeconds(1));

        assertThat(report).isEqualTo(new SaleService.RecoveryReport(0, 1, 0, 0));
        assertThat(cards.chargedMinor()).isZero();
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(payments.findByOrderIdOrderByCreatedAt(basket.orderId())).extracting(p -> p.getStatus())
                .containsExactly(PaymentStatus.VOIDED);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void aSaleLeftAtThePricedStepIsCancelledOnRestartAndItsSeatsFreed() {
        Basket basket = service().start(window("STALLS-A-1"));
        service().recover(clock.instant().plusSeconds(1));
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void recoveryLeavesAloneSalesYoungerThanItsCutOff() {
        Basket basket = service().start(window("STALLS-A-1"));
        service().recover(clock.instant().minusSeconds(60));
        assertThat(orders.findById(basket.orderId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PRICED);
        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.HELD);
    }

    // --- rebuilding Redis from the database ---

    SeatStateRebuild rebuild() {
        return new SeatStateRebuild(holds, tickets, assignments, orders, new TransactionTemplate(transactions));
    }

    @Test
    void redisThatLostEverythingIsRebuiltFromTheDatabase() {
        SaleService sales = service();
        Basket online = sales.start(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-B-1", "STALLS-B-2", "STALLS-B-3")));
        sales.pay(online.orderId(), List.of(new Tender.Card(18000, SimulatedOutcome.APPROVE)));
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assignments.save(SeatAssignmentEntity.blocked(performance.id(), "STALLS-E-1", "camera position"));
            assignments.save(SeatAssignmentEntity.allocated(performance.id(), "STALLS-E-2", "T7"));
        });
        String before = holds.availability(performance.id()).states();

        scripts.connection().sync().del(RedisKeys.of(performance.id()));
        assertThatThrownBy(() -> holds.availability(performance.id())).isInstanceOf(UnknownPerformanceException.class);

        rebuild().rebuild(performance.id());

        assertThat(seat("STALLS-B-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-E-1")).isEqualTo(SeatState.BLOCKED);
        assertThat(seat("STALLS-E-2")).isEqualTo(SeatState.ALLOCATED);
        String after = holds.availability(performance.id()).states();
        int e1 = seatings.seating(performance.id()).layout().indexOf("STALLS-E-1");
        int e2 = seatings.seating(performance.id()).layout().indexOf("STALLS-E-2");
        assertThat(after.substring(0, e1)).isEqualTo(before.substring(0, e1));
        assertThat(after.substring(e2 + 1)).isEqualTo(before.substring(e2 + 1));
        // ann already owns 3 of her 4 seats: the limit survived the rebuild
        assertThatThrownBy(() -> holds.hold(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-C-1", "STALLS-C-2")))).isInstanceOf(LimitExceededException.class);
        // and the sold seats still belong to their order: a refund frees them
        assertThat(holds.refund(performance.id(), online.orderId(), List.of("STALLS-B-1"), "ann")).containsExactly("STALLS-B-1");
    }

    @Test
    void aRebuildDropsLiveHoldsAndNamesThem() {
        Hold live = holds.hold(window("STALLS-A-5"));
        List<String> dropped = rebuild().rebuild(performance.id());
        assertThat(dropped).containsExactly(live.holdId());
        assertThat(seat("STALLS-A-5")).isEqualTo(SeatState.AVAILABLE);
    }
}

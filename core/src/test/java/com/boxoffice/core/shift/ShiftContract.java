package com.boxoffice.core.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.SaleCheckpoints;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.Tender;
import com.boxoffice.core.sale.TillTotals;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRepository;
import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;

/**
 * Shifts on a real database, with their totals taken from real sales made through the sale service
 * on a real Redis. Each test uses its own terminal, staff and performance.
 */
abstract class ShiftContract {

    @Autowired
    ShiftRepository shifts;
    @Autowired
    OpenShiftRepository openShifts;
    @Autowired
    PaymentRepository payments;
    @Autowired
    TicketRepository tickets;
    @Autowired
    RefundRepository refunds;
    @Autowired
    StaffRepository staff;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    SaleOrderRepository orders;
    @Autowired
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;
    @Autowired
    RedisScripts scripts;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** Far from the sale flow tests' clocks, so their journal recovery never meets these orders. */
    private static final Instant EPOCH = Instant.parse("2031-01-01T09:00:00Z");
    private static final AtomicInteger TESTS = new AtomicInteger();

    MutableClock clock;
    StaffDirectory directory;
    ShiftService service;
    SaleService sales;
    InMemoryPerformanceSeatings seatings;
    Performance performance;
    String terminal;
    String clerk;
    String otherClerk;
    String manager;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(EPOCH.plus(Duration.ofDays(TESTS.incrementAndGet())));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        directory = new StaffDirectory(staff, audit, tx, clock);
        service = new ShiftService(shifts, openShifts, staff, new TillShiftTotals(new TillTotals(payments, tickets, refunds)), audit, tx, clock);

        seatings = new InMemoryPerformanceSeatings();
        performance = TestSeating.performance(8);
        seatings.register(performance, TestSeating.venue());
        tx.executeWithoutResult(s -> {
            if (!venues.existsById(TestSeating.venue().id())) {
                venues.save(VenueEntity.from(TestSeating.venue(), VenueJson.write(TestSeating.venue()), clock.instant()));
            }
            performances.save(PerformanceEntity.from(performance));
        });
        HoldTokens tokens = new HoldTokens("a stable secret for the shift tests".getBytes());
        RedisHoldStore holds = new RedisHoldStore(scripts, clock, seatings, tokens, Duration.ofHours(1), 500);
        holds.load(performance.id(), List.of(), Map.of());
        sales = new SaleService(holds, seatings, tokens, new SimulatedPaymentProvider(SimulatedPaymentProvider.Settings.INSTANT),
                orders, payments, tickets, refunds, tx, clock, SaleCheckpoints.NONE, Duration.ofMinutes(2));

        terminal = "BO-" + UUID.randomUUID();
        clerk = person(StaffRole.CLERK);
        otherClerk = person(StaffRole.CLERK);
        manager = person(StaffRole.MANAGER);
    }

    String person(StaffRole role) {
        String id = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        directory.create(id, "Person " + id, role, "2468");
        return id;
    }

    /** A completed sale at {@code terminalId} of the given seats, paid with the given tenders. */
    SaleReceipt sell(String terminalId, List<Tender> tenders, String... seats) {
        Basket basket = sales.start(new HoldRequest(performance.id(), null, clerk, null, Channel.BOX_OFFICE, terminalId,
                SeatSelection.seats(seats)));
        return sales.pay(basket.orderId(), tenders);
    }

    void later() {
        clock.advance(Duration.ofMinutes(7));
    }

    @Test
    void reportAfterTwoCashSalesAndACardSaleHasTheExactFigures() {
        sell(terminal, List.of(new Tender.Cash(6000, 6000)), "STALLS-B-1"); // before the shift: not in it
        later();
        ShiftView shift = service.open(terminal, clerk, 20000, "EUR");
        later();
        sell(terminal, List.of(new Tender.Cash(6000, 6000)), "STALLS-A-1");
        later();
        SaleReceipt withChange = sell(terminal, List.of(new Tender.Cash(4000, 5000)), "STALLS-C-1");
        later();
        sell(terminal, List.of(new Tender.Card(12000, SimulatedOutcome.APPROVE)), "STALLS-A-2", "STALLS-A-3");
        sell("BO-elsewhere-" + UUID.randomUUID(), List.of(new Tender.Cash(4000, 4000)), "STALLS-D-1");
        Basket abandoned = sales.start(new HoldRequest(performance.id(), null, clerk, null, Channel.BOX_OFFICE,
                terminal, SeatSelection.seats("STALLS-E-1")));
        sales.cancel(abandoned.orderId());
        later();

        ShiftReport report = service.close(terminal, shift.shiftId(), clerk, 29500);

        assertThat(withChange.changeMinor()).isEqualTo(1000);
        assertThat(report.openingFloatMinor()).isEqualTo(20000);
        assertThat(report.cashTakenMinor()).isEqualTo(6000 + 4000);
        assertThat(report.cardTakenMinor()).isEqualTo(12000);
        assertThat(report.cashRefundedMinor()).isZero();
        assertThat(report.cardRefundedMinor()).isZero();
        assertThat(report.sales()).isEqualTo(3);
        assertThat(report.refunds()).isZero();
        assertThat(report.tickets()).isEqualTo(4);
        assertThat(report.expectedCashMinor()).isEqualTo(30000);
        assertThat(report.countedCashMinor()).isEqualTo(29500);
        assertThat(report.overShortMinor()).isEqualTo(-500);
        assertThat(report.currency()).isEqualTo("EUR");
        assertThat(report.openedBy()).isEqualTo(clerk);
        assertThat(report.openedAt()).isEqualTo(shift.openedAt());
        assertThat(report.closedBy()).isEqualTo(clerk);
        assertThat(report.closedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aDrawerHoldingMoreThanExpectedIsOver() {
        ShiftView shift = service.open(terminal, clerk, 10000, "EUR");
        later();
        sell(terminal, List.of(new Tender.Cash(2500, 3000)), "BALCONY-B-8");
        later();

        ShiftReport report = service.close(shift.shiftId(), clerk, 12700);

        assertThat(report.expectedCashMinor()).isEqualTo(12500);
        assertThat(report.overShortMinor()).isEqualTo(200);
    }

    @Test
    void closingTwiceAnswersTheSameStoredReport() {
        ShiftView shift = service.open(terminal, clerk, 10000, "EUR");
        later();
        sell(terminal, List.of(new Tender.Cash(6000, 10000)), "STALLS-A-5");
        later();
        ShiftReport first = service.close(shift.shiftId(), clerk, 16000);
        later();
        sell(terminal, List.of(new Tender.Cash(6000, 6000)), "STALLS-A-6"); // after the close: in no shift of it

        ShiftReport second = service.close(shift.shiftId(), clerk, 99999);

        assertThat(second).isEqualTo(first);
        assertThat(service.report(shift.shiftId())).isEqualTo(first);
        assertThat(first.overShortMinor()).isZero();
        assertThat(audit.findBySubjectOrderByAtAscIdAsc("shift/" + shift.shiftId()))
                .extracting(e -> e.getKind()).containsExactly("SHIFT_OPENED", "SHIFT_CLOSED");
    }

    @Test
    void aClosedShiftFreesTheTerminalForTheNext() {
        ShiftView first = service.open(terminal, clerk, 10000, "EUR");
        assertThat(service.current(terminal)).contains(first);
        later();
        service.close(first.shiftId(), clerk, 10000);
        assertThat(service.current(terminal)).isEmpty();

        ShiftView next = service.open(terminal, otherClerk, 5000, "EUR");

        assertThat(next.shiftId()).isNotEqualTo(first.shiftId());
        assertThat(service.current(terminal)).contains(next);
    }

    @Test
    void aSecondShiftCannotOpenOnATerminalWithAnOpenOne() {
        ShiftView open = service.open(terminal, clerk, 10000, "EUR");

        assertThatThrownBy(() -> service.open(terminal, otherClerk, 10000, "EUR"))
                .isInstanceOfSatisfying(ShiftAlreadyOpenException.class,
                        e -> assertThat(e.openShiftId()).isEqualTo(open.shiftId()));
        assertThatThrownBy(() -> service.open(terminal, clerk, 5000, "EUR"))
                .isInstanceOf(ShiftAlreadyOpenException.class);

        assertThat(service.current(terminal)).contains(open);
        assertThat(shiftsOn(terminal)).isEqualTo(1);
    }

    @Test
    void openingTheSameShiftTwiceOpensItOnce() {
        ShiftView first = service.open(terminal, clerk, 10000, "EUR");
        ShiftView again = service.open(terminal, clerk, 10000, "EUR");

        assertThat(again).isEqualTo(first);
        assertThat(shiftsOn(terminal)).isEqualTo(1);
    }

    @Test
    void badOpeningsAreRefusedAndOpenNothing() {
        String kiosk = person(StaffRole.KIOSK);
        String gone = person(StaffRole.CLERK);
        directory.deactivate(gone);

        assertThatThrownBy(() -> service.open(terminal, clerk, -1, "EUR")).isInstanceOf(InvalidShiftException.class);
        assertThatThrownBy(() -> service.open(terminal, clerk, 100, "eur")).isInstanceOf(InvalidShiftException.class);
        assertThatThrownBy(() -> service.open(" ", clerk, 100, "EUR")).isInstanceOf(InvalidShiftException.class);
        assertThatThrownBy(() -> service.open(terminal, kiosk, 100, "EUR")).isInstanceOf(ShiftNotPermittedException.class);
        assertThatThrownBy(() -> service.open(terminal, gone, 100, "EUR")).isInstanceOf(ShiftNotPermittedException.class);
        assertThatThrownBy(() -> service.open(terminal, "nobody-" + UUID.randomUUID().toString().substring(0, 8), 100, "EUR"))
                .isInstanceOf(ShiftNotPermittedException.class);

        assertThat(service.current(terminal)).isEmpty();
        assertThat(shiftsOn(terminal)).isZero();
    }

    @Test
    void closingAnUnknownShiftFailsClearly() {
        assertThatThrownBy(() -> service.close(UUID.randomUUID().toString(), manager, 0))
                .isInstanceOf(UnknownShiftException.class);
        assertThatThrownBy(() -> service.report(UUID.randomUUID().toString()))
                .isInstanceOf(UnknownShiftException.class);
    }

    @Test
    void anotherTerminalsShiftIsNotClosedFromHere() {
        ShiftView shift = service.open(terminal, clerk, 10000, "EUR");

        assertThatThrownBy(() -> service.close("BO-other", shift.shiftId(), clerk, 10000))
                .isInstanceOf(ShiftOnOtherTerminalException.class);

        assertThat(service.current(terminal)).contains(shift);
    }

    @Test
    void onlyTheOpeningClerkOrAManagerClosesAShift() {
        ShiftView shift = service.open(terminal, clerk, 10000, "EUR");

        assertThatThrownBy(() -> service.close(terminal, shift.shiftId(), otherClerk, 10000))
                .isInstanceOf(ShiftNotPermittedException.class);
        assertThat(service.current(terminal)).contains(shift);

        ShiftReport report = service.close(terminal, shift.shiftId(), manager, 10000);
        assertThat(report.closedBy()).isEqualTo(manager);
        assertThat(service.current(terminal)).isEmpty();
    }

    @Test
    void aNegativeCountIsRefusedAndTheShiftStaysOpen() {
        ShiftView shift = service.open(terminal, clerk, 10000, "EUR");

        assertThatThrownBy(() -> service.close(shift.shiftId(), clerk, -1)).isInstanceOf(InvalidShiftException.class);

        assertThat(service.current(terminal)).contains(shift);
        assertThatThrownBy(() -> service.report(shift.shiftId())).isInstanceOf(InvalidShiftException.class);
    }

    @Test
    void databaseRefusesASecondOpenShiftOnATerminal() {
        ShiftView open = service.open(terminal, clerk, 10000, "EUR");
        String otherShift = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO shift (id, terminal_id, currency, opening_float_minor, opened_by, opened_at, status, version)
                VALUES (?, ?, 'EUR', 0, ?, CURRENT_TIMESTAMP, 'OPEN', 0)""", otherShift, terminal, otherClerk);

        assertThatThrownBy(() -> jdbc.update("INSERT INTO open_shift (terminal_id, shift_id) VALUES (?, ?)",
                terminal, otherShift))
                .isInstanceOfSatisfying(DataIntegrityViolationException.class, thrown -> assertThat(
                        thrown.getMostSpecificCause().getMessage().toLowerCase()).contains("pk_open_shift"));

        assertThat(service.current(terminal)).contains(open);
    }

    long shiftsOn(String terminalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM shift WHERE terminal_id = ?", Long.class, terminalId);
    }
}

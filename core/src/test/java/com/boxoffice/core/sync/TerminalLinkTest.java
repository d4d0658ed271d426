package com.boxoffice.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.LocalHoldStore;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisAllocations;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.persistence.OnH2;
import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.SaleCheckpoints;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.Tender;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.venue.VenueRepository;

/**
 * A window terminal through an outage, end to end on real Redis and a real H2 journal: sales made
 * offline from its allocation and at risk are journalled and queued with how their seats were
 * taken; when the connection is back their seats are claimed in the live state, and a seat sold
 * online meanwhile stays with its first buyer.
 */
@OnH2
class TerminalLinkTest {

    @Autowired
    RedisScripts scripts;
    @Autowired
    DataSource dataSource;
    @Autowired
    OfflineSnapshotRepository snapshots;
    @Autowired
    OutboxRepository outbox;
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
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;

    private final MutableClock clock = new MutableClock(TestSeating.START.minus(Duration.ofDays(1)));
    private final InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
    private final HoldTokens tokens = new HoldTokens("terminal link test secret".getBytes());
    private RedisHoldStore redis;
    private TerminalHoldStore store;
    private TerminalLink link;
    private SaleService sales;
    private String terminal;
    private Performance performance;

    @BeforeEach
    void setUp() {
        terminal = "T-" + UUID.randomUUID().toString().substring(0, 8);
        Performance p = TestSeating.performance(6);
        performance = new Performance(p.id(), p.venueId(), p.title(), p.startsAt(), p.saleOpens(), p.saleCloses(),
                p.tiers(), p.holds(), p.perBuyerLimit(), OfflinePolicy.AT_RISK_ALLOWED);
        seatings.register(performance, TestSeating.venue());
        com.boxoffice.core.sale.JournalFixtures.store(performance, clock.instant(), venues, performances, transactions);
        redis = new RedisHoldStore(scripts, clock, seatings, tokens, Duration.ofHours(1), 500);
        redis.load(performance.id(), List.of(), Map.of());
        store = new TerminalHoldStore(redis, new LocalHoldStore(dataSource, clock, seatings, tokens, Duration.ofHours(1)),
                snapshots, outbox, seatings, terminal, clock);
        link = new TerminalLink(store, redis, new RedisAllocations(scripts, seatings), outbox, seatings, terminal, clock);
        sales = new SaleService(store, seatings, tokens, new SimulatedPaymentProvider(SimulatedPaymentProvider.Settings.INSTANT),
                orders, payments, tickets, refunds, new TransactionTemplate(transactions), clock, SaleCheckpoints.NONE,
                Duration.ofMinutes(2), new TerminalOutbox(outbox, terminal, clock, store::modeOf));
    }

    private HoldRequest window(String... seats) {
        return new HoldRequest(performance.id(), null, "clerk", null, Channel.BOX_OFFICE, terminal, SeatSelection.seats(seats));
    }

    private SeatState live(String seatId) {
        return redis.availability(performance.id()).stateOf(seatings.seating(performance.id()).layout().indexOf(seatId));
    }

    private String sell(String... seats) {
        Basket basket = sales.start(window(seats));
        sales.pay(basket.orderId(), List.of(new Tender.Cash(basket.totalMinor(), basket.totalMinor())));
        return basket.orderId();
    }

    @Test
    void salesMadeOfflineAreQueuedAndTheirSeatsClaimedLiveWhenTheConnectionIsBack() {
        redis.allocate(performance.id(), List.of("STALLS-A-1", "STALLS-A-2"), terminal);
        redis.allocate(performance.id(), List.of("STALLS-A-3"), "another-terminal");
        assertThat(link.refreshSnapshots(List.of(performance.id()))).isEqualTo(1);
        assertThat(snapshots.findByTerminalId(terminal)).singleElement()
                .satisfies(s -> assertThat(s.toSnapshot().allocated()).containsExactlyInAnyOrder("STALLS-A-1", "STALLS-A-2"));

        assertThat(link.connectionLost()).containsExactly(performance.id());
        String fromAllocation = sell("STALLS-A-1", "STALLS-A-2");
        // offline, and then online with the sale not yet on the live map: no snapshot may replace the old one
        assertThat(link.refreshSnapshots(List.of(performance.id()))).isZero();
        assertThat(link.hasUnclaimedOfflineSales()).isTrue();
        String atRisk = sell("STALLS-B-5");
        String clashing = sell("STALLS-C-1");
        // meanwhile, online, someone else buys one of the seats sold at risk
        var other = redis.hold(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-C-1")));
        redis.confirm(other.holdId(), other.token(), "online-order");
        assertThat(live("STALLS-A-1")).isEqualTo(SeatState.ALLOCATED);

        TerminalLink.Reconnected back = link.connectionBack();

        assertThat(back.claimed()).isEqualTo(2);
        assertThat(back.clashed()).extracting(SyncSale::orderId).containsExactly(clashing);
        assertThat(store.isOffline()).isFalse();
        assertThat(live("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(live("STALLS-B-5")).isEqualTo(SeatState.SOLD);
        assertThat(redis.availability(performance.id()).soldByTerminal()).containsEntry(terminal, 3L);
        assertThat(live("STALLS-A-3")).isEqualTo(SeatState.ALLOCATED);
        List<SyncSale> queued = outbox.findAll().stream().filter(e -> e.getTerminalId().equals(terminal))
                .map(e -> TerminalOutboxJson.read(e.getPayload())).toList();
        assertThat(queued).extracting(SyncSale::orderId, SyncSale::mode).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(fromAllocation, "ALLOCATED"),
                org.assertj.core.groups.Tuple.tuple(atRisk, "AT_RISK"),
                org.assertj.core.groups.Tuple.tuple(clashing, "AT_RISK"));

        // a second reconnect before the server answered claims nothing more
        assertThat(link.hasUnclaimedOfflineSales()).isFalse();
        assertThat(link.connectionBack().claimed()).isZero();
        assertThat(redis.availability(performance.id()).soldByTerminal()).containsEntry(terminal, 3L);
        // the live state shows every offline sale now, so snapshots are taken again
        assertThat(link.refreshSnapshots(List.of(performance.id()))).isEqualTo(1);
        // and online selling is back
        assertThat(sell("STALLS-D-1")).isNotBlank();
        assertThat(live("STALLS-D-1")).isEqualTo(SeatState.SOLD);
    }
}

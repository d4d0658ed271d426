package com.boxoffice.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStorageException;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.LocalHoldStore;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.NotEnoughSeatsException;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.persistence.OnH2;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.SaleOrderEntity;

/**
 * A terminal switching between the live seat state (real Redis) and its own local state (real H2)
 * loaded from its last snapshot: what it may sell offline, that offline sales survive a second
 * outage and a restart, and that online calls never touch the local fallback's rules.
 */
@OnH2
class TerminalHoldStoreTest {

    @Autowired
    RedisScripts scripts;
    @Autowired
    DataSource dataSource;
    @Autowired
    OfflineSnapshotRepository snapshots;
    @Autowired
    OutboxRepository outbox;

    private final MutableClock clock = new MutableClock(TestSeating.START.minus(Duration.ofDays(1)));
    private final InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
    private final HoldTokens tokens = new HoldTokens("terminal store test secret".getBytes());
    private RedisHoldStore redis;
    private String terminal;
    private Performance performance;

    @BeforeEach
    void setUp() {
        terminal = "T-" + UUID.randomUUID().toString().substring(0, 8);
        redis = new RedisHoldStore(scripts, clock, seatings, tokens, Duration.ofHours(1), 500);
    }

    private Performance register(OfflinePolicy policy) {
        Performance p = TestSeating.performance(6);
        Performance withPolicy = new Performance(p.id(), p.venueId(), p.title(), p.startsAt(), p.saleOpens(),
                p.saleCloses(), p.tiers(), p.holds(), p.perBuyerLimit(), policy);
        seatings.register(withPolicy, TestSeating.venue());
        redis.load(withPolicy.id(), List.of(), Map.of());
        return withPolicy;
    }

    /** A terminal process: a new store over the same journal, Redis and snapshots. */
    private TerminalHoldStore terminalStore() {
        return new TerminalHoldStore(redis, new LocalHoldStore(dataSource, clock, seatings, tokens, Duration.ofHours(1)),
                snapshots, outbox, seatings, terminal, clock);
    }

    /** Allocates seats to the terminal, then remembers the live state as the terminal would. */
    private TerminalHoldStore onlineWithAllocation(OfflinePolicy policy, String... allocated) {
        performance = register(policy);
        redis.allocate(performance.id(), List.of(allocated), terminal);
        TerminalHoldStore store = terminalStore();
        assertThat(store.remember(new OfflineSnapshot(performance.id(), redis.availability(performance.id()).states(),
                Set.of(allocated), policy, clock.instant()))).isTrue();
        return store;
    }

    private HoldRequest request(String... seats) {
        return new HoldRequest(performance.id(), null, "clerk", null, Channel.BOX_OFFICE, terminal,
                SeatSelection.seats(seats));
    }

    private SeatState stateIn(TerminalHoldStore store, String seatId) {
        return store.availability(performance.id())
                .stateOf(seatings.seating(performance.id()).layout().indexOf(seatId));
    }

    private SeatState live(String seatId) {
        return redis.availability(performance.id()).stateOf(seatings.seating(performance.id()).layout().indexOf(seatId));
    }

    private SaleOrderEntity order(Hold hold) {
        SaleOrderEntity order = SaleOrderEntity.open(UUID.randomUUID().toString(), performance.id(), Channel.BOX_OFFICE,
                terminal, null, hold.holdId(), clock.instant());
        order.price(hold.seatIds().stream().map(s -> new OrderSeat(s, "A", 6000)).toList(), "EUR", clock.instant());
        return order;
    }

    @Test
    void offlineTheTerminalSellsItsAllocationAndNothingElseWhenThePerformanceSaysSo() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY, "STALLS-A-1", "STALLS-A-2");
        assertThat(store.goOffline()).containsExactly(performance.id());

        Hold hold = store.hold(request("STALLS-A-1", "STALLS-A-2"));
        store.confirm(hold.holdId(), hold.token(), "order-1");
        assertThatThrownBy(() -> store.hold(request("STALLS-B-5"))).isInstanceOf(SeatUnavailableException.class);

        assertThat(stateIn(store, "STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(stateIn(store, "STALLS-B-5")).isEqualTo(SeatState.BLOCKED);
        // the live state has not heard of the sale: the outbox takes it there
        assertThat(live("STALLS-A-1")).isEqualTo(SeatState.ALLOCATED);
        assertThat(live("STALLS-B-5")).isEqualTo(SeatState.AVAILABLE);
        assertThat(store.modeOf(order(hold))).isEqualTo(SellingMode.ALLOCATED);
    }

    @Test
    void offlineBestAvailableTakesTheBestOfTheAllocationSideBySideWhereItCan() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY,
                "STALLS-A-1", "STALLS-A-3", "STALLS-A-4", "STALLS-C-1", "STALLS-C-2");
        store.goOffline();

        Hold pair = store.hold(best(2, "A"));
        assertThat(pair.seatIds()).containsExactlyInAnyOrder("STALLS-A-3", "STALLS-A-4");
        store.confirm(pair.holdId(), pair.token(), "order-pair");
        // no two left side by side in A: one is not enough for two, and nothing else in A may be sold
        assertThatThrownBy(() -> store.hold(best(2, "A"))).isInstanceOf(NotEnoughSeatsException.class);
        Hold one = store.hold(best(1, "A"));
        assertThat(one.seatIds()).containsExactly("STALLS-A-1");
        Hold any = store.hold(best(2, null));
        assertThat(any.seatIds()).containsExactlyInAnyOrder("STALLS-C-1", "STALLS-C-2");
        assertThat(stateIn(store, "STALLS-B-5")).isEqualTo(SeatState.BLOCKED);
    }

    @Test
    void offlineBestAvailableSellsTheAllocationBeforeSeatsAtRisk() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.AT_RISK_ALLOWED, "STALLS-B-11", "STALLS-B-12");
        store.goOffline();

        Hold allocated = store.hold(best(2, "A"));
        assertThat(allocated.seatIds()).containsExactlyInAnyOrder("STALLS-B-11", "STALLS-B-12");
        assertThat(store.modeOf(order(allocated))).isEqualTo(SellingMode.ALLOCATED);
        Hold atRisk = store.hold(best(2, "A"));
        assertThat(atRisk.seatIds()).doesNotContain("STALLS-B-11", "STALLS-B-12").hasSize(2);
        assertThat(store.modeOf(order(atRisk))).isEqualTo(SellingMode.AT_RISK);
    }

    private HoldRequest best(int count, String category) {
        return new HoldRequest(performance.id(), null, "clerk", null, Channel.BOX_OFFICE, terminal,
                new SeatSelection.BestAvailable(count, category, 0));
    }

    @Test
    void whereThePerformanceAllowsItSeatsTheSnapshotShowedFreeAreSoldAtRisk() {
        performance = register(OfflinePolicy.AT_RISK_ALLOWED);
        redis.hold(new HoldRequest(performance.id(), null, "web", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-C-1")));
        TerminalHoldStore store = terminalStore();
        store.remember(new OfflineSnapshot(performance.id(), redis.availability(performance.id()).states(), Set.of(),
                OfflinePolicy.AT_RISK_ALLOWED, clock.instant()));
        Hold online = store.hold(request("STALLS-D-1"));
        store.goOffline();

        Hold atRisk = store.hold(request("STALLS-B-5"));
        // held online when the snapshot was taken: likely sold by now, so not offered
        assertThatThrownBy(() -> store.hold(request("STALLS-C-1"))).isInstanceOf(SeatUnavailableException.class);
        assertThat(store.modeOf(order(atRisk))).isEqualTo(SellingMode.AT_RISK);
        assertThat(store.modeOf(order(online))).isEqualTo(SellingMode.ONLINE);
        // a hold made online finishes online, even while the terminal is offline
        assertThat(store.confirm(online.holdId(), online.token(), "order-online").orderId()).isEqualTo("order-online");
        assertThat(live("STALLS-D-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aSecondOutageAndARestartKeepTheSeatsSoldOffline() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY, "STALLS-A-1", "STALLS-A-2");
        store.goOffline();
        Hold hold = store.hold(request("STALLS-A-1"));
        store.confirm(hold.holdId(), hold.token(), "order-1");
        store.goOnline();

        TerminalHoldStore restarted = terminalStore();
        restarted.goOffline();
        assertThat(stateIn(restarted, "STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThatThrownBy(() -> restarted.hold(request("STALLS-A-1"))).isInstanceOf(SeatUnavailableException.class);
        assertThat(restarted.hold(request("STALLS-A-2")).seatIds()).containsExactly("STALLS-A-2");
    }

    @Test
    void aSaleMadeOnlineIsMarkedSoldInTheLocalStateSoAnOutageCannotOfferItAgain() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY, "STALLS-A-1", "STALLS-A-2");
        store.goOffline();
        store.goOnline();

        Hold online = store.hold(request("STALLS-A-2"));
        store.confirm(online.holdId(), online.token(), "order-online");
        assertThat(live("STALLS-A-2")).isEqualTo(SeatState.SOLD);

        store.goOffline();
        assertThat(stateIn(store, "STALLS-A-2")).isEqualTo(SeatState.SOLD);
        assertThatThrownBy(() -> store.hold(request("STALLS-A-2"))).isInstanceOf(SeatUnavailableException.class);
    }

    @Test
    void aSnapshotIsNotTakenWhileSalesMadeOfflineAreNotOnTheLiveMap() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY, "STALLS-A-1");
        OfflineSnapshot newer = new OfflineSnapshot(performance.id(), redis.availability(performance.id()).states(),
                Set.of(), OfflinePolicy.ALLOCATED_ONLY, clock.instant().plusSeconds(60));
        // a sale made online is on the live map already: it does not stop a snapshot
        outbox.save(OutboxEntryEntity.append(terminal, 1, TerminalOutbox.SALE, "{}", UUID.randomUUID().toString(),
                clock.instant()));
        assertThat(store.remember(newer)).isTrue();

        OutboxEntryEntity offline = outbox.save(OutboxEntryEntity.append(terminal, 2, TerminalOutbox.OFFLINE_SALE, "{}",
                UUID.randomUUID().toString(), clock.instant()));
        OfflineSnapshot newest = new OfflineSnapshot(performance.id(), redis.availability(performance.id()).states(),
                Set.of("STALLS-A-1"), OfflinePolicy.ALLOCATED_ONLY, clock.instant().plusSeconds(120));
        assertThat(store.remember(newest)).isFalse();
        assertThat(snapshots.findByTerminalId(terminal)).singleElement()
                .satisfies(s -> assertThat(s.toSnapshot().takenAt()).isEqualTo(newer.takenAt()));

        offline.markClaimed(clock.instant());
        outbox.save(offline);
        assertThat(store.remember(newest)).isTrue();
    }

    @Test
    void managerActionsNeedTheLiveStateAndChangeNothingOffline() {
        TerminalHoldStore store = onlineWithAllocation(OfflinePolicy.ALLOCATED_ONLY, "STALLS-A-1");
        store.goOffline();
        String before = store.availability(performance.id()).states();
        assertThatThrownBy(() -> store.block(performance.id(), List.of("STALLS-A-1"), "broken"))
                .isInstanceOf(HoldStorageException.class).hasMessageContaining("offline");
        assertThatThrownBy(() -> store.allocate(performance.id(), List.of("STALLS-B-1"), terminal))
                .isInstanceOf(HoldStorageException.class);
        assertThat(store.availability(performance.id()).states()).isEqualTo(before);
        assertThat(live("STALLS-B-1")).isEqualTo(SeatState.AVAILABLE);
    }
}

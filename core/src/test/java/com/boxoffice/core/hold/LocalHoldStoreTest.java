package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boxoffice.core.performance.Channel;

/**
 * The hold contract on the terminal's own store, kept in an H2 file as on a real terminal, and what
 * only this store promises: it survives a restart or a kill, never shows a change its database
 * refused, and keeps seats unshared under many threads.
 */
class LocalHoldStoreTest extends HoldStoreContract {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final String SECRET = "a terminal secret of enough bytes";

    @TempDir
    Path dir;

    private final HoldTokens tokens = new HoldTokens(SECRET.getBytes(StandardCharsets.UTF_8));
    private JdbcConnectionPool database;

    @Override
    protected HoldStore newStore(MutableClock clock, PerformanceSeatings seatings) {
        database = openDatabase();
        return new LocalHoldStore(database, clock, seatings, tokens, RETENTION);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.dispose();
        }
    }

    private JdbcConnectionPool openDatabase() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("terminal"), "sa", "");
        Flyway.configure().dataSource(pool).load().migrate();
        return pool;
    }

    /** Closes the database as a terminal does on shutdown and opens a new store over the same file. */
    private LocalHoldStore restart() {
        database.dispose();
        database = openDatabase();
        return new LocalHoldStore(database, clock, seatings, tokens, RETENTION);
    }

    private HoldRequest windowOf(String terminal, String requestId, SeatSelection selection) {
        return new HoldRequest(perf, requestId, "clerk-1", null, Channel.BOX_OFFICE, terminal, selection);
    }

    // --- restart ---

    @Test
    void aRestartedStoreSeesTheSameSeatsAndHoldsAndOldTokensStillWork() {
        store.allocate(perf, List.of("STALLS-E-1", "STALLS-E-2"), "T1");
        store.block(perf, List.of("STALLS-A-12"), "camera");
        Hold windowHold = store.hold(windowOf("T1", "w-1", SeatSelection.seats("STALLS-E-1", "STALLS-E-3")));
        HoldRequest annRequest = new HoldRequest(perf, "ann-1", "web:ann", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-1", "STALLS-A-2"));
        Hold annHold = store.hold(annRequest);
        store.extend(annHold.holdId(), annHold.token());
        Hold bobHold = store.hold(online("bob", SeatSelection.best(2, "B")));
        store.confirm(bobHold.holdId(), bobHold.token(), "order-1");
        Hold dropped = store.hold(online("cat", SeatSelection.seats("STALLS-D-1")));
        store.release(dropped.holdId(), dropped.token());
        JournalSale sale = new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-2"));
        store.applyJournalSale(perf, sale);
        Availability before = store.availability(perf);

        LocalHoldStore restarted = restart();

        Availability after = restarted.availability(perf);
        assertThat(after.states()).isEqualTo(before.states());
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(after.feedId()).isEqualTo(before.feedId());
        assertThat(after.count(SeatState.HELD)).isEqualTo(4);
        assertThat(after.count(SeatState.SOLD)).isEqualTo(3);

        // the same request answers with the stored hold; the extension already used still counts
        Hold replayed = restarted.hold(annRequest);
        assertThat(replayed.holdId()).isEqualTo(annHold.holdId());
        assertThat(replayed.seatIds()).containsExactly("STALLS-A-1", "STALLS-A-2");
        restarted.extend(annHold.holdId(), annHold.token());
        assertThatThrownBy(() -> restarted.extend(annHold.holdId(), annHold.token()))
                .isInstanceOf(ExtensionLimitException.class);
        // ann's two held seats still count against her limit of four
        assertThatThrownBy(() -> restarted.hold(online("ann", SeatSelection.seats("STALLS-C-1", "STALLS-C-2", "STALLS-C-3"))))
                .isInstanceOf(LimitExceededException.class);
        // replays of ended calls give the first answers
        assertThat(restarted.confirm(bobHold.holdId(), bobHold.token(), "order-2").orderId()).isEqualTo("order-1");
        assertThat(restarted.release(dropped.holdId(), dropped.token()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(restarted.applyJournalSale(perf, sale)).isEqualTo("order-t1-1");
        assertThat(restarted.availability(perf).count(SeatState.SOLD)).isEqualTo(3);
        assertThatThrownBy(() -> restarted.release(annHold.holdId(), bobHold.token()))
                .isInstanceOf(WrongHoldTokenException.class);
        // the window hold remembers that E-1 was allocated to its terminal
        restarted.release(windowHold.holdId(), windowHold.token());
        assertThat(stateIn(restarted, "STALLS-E-1")).isEqualTo(SeatState.ALLOCATED);
        assertThat(stateIn(restarted, "STALLS-E-3")).isEqualTo(SeatState.AVAILABLE);
        // expiry goes on from the stored times
        clock.advance(TestSeating.HOLDS.online().plusMinutes(30));
        SweepResult sweep = restarted.sweep(perf);
        assertThat(sweep.expired()).isEqualTo(1);
        assertThat(stateIn(restarted, "STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(restarted.availability(perf).count(SeatState.HELD)).isZero();
    }

    @Test
    void aRestartAfterARebuildSeesTheRebuiltSeatsAndNoDroppedHold() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        store.load(perf, List.of(new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9")), Map.of("ann", 4));
        Availability before = store.availability(perf);

        LocalHoldStore restarted = restart();

        assertThat(restarted.availability(perf).states()).isEqualTo(before.states());
        assertThat(restarted.availability(perf).feedId()).isEqualTo(before.feedId());
        assertThatThrownBy(() -> restarted.release(hold.holdId(), hold.token())).isInstanceOf(UnknownHoldException.class);
        assertThatThrownBy(() -> restarted.hold(online("ann", SeatSelection.seats("STALLS-C-1"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(restarted.refund(perf, "order-9", List.of("STALLS-B-1"), null)).containsExactly("STALLS-B-1");
    }

    @Test
    void aRestartedStoreKeepsTheSalesTallyAndTakesRefundsOffTheTallyThatSold() {
        store.load(perf, List.of(new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9")), Map.of());
        Hold kiosk = store.hold(new HoldRequest(perf, null, "kiosk-1", null, Channel.KIOSK, "K1",
                SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        store.confirm(kiosk.holdId(), kiosk.token(), "order-1");
        store.applyJournalSale(perf, new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-1"),
                Channel.BOX_OFFICE));
        Availability before = store.availability(perf);

        LocalHoldStore restarted = restart();

        assertThat(restarted.availability(perf).counts()).isEqualTo(before.counts());
        assertThat(restarted.availability(perf).salesTallies()).containsExactly(
                new SalesTally("BOX_OFFICE", "T1", 1), new SalesTally("KIOSK", "K1", 2), new SalesTally("UNKNOWN", null, 1));
        // each order still knows who sold it: a later seat and a refund go to the same tally
        Hold more = restarted.hold(new HoldRequest(perf, null, "clerk", null, Channel.BOX_OFFICE, "T2",
                SeatSelection.seats("STALLS-C-1")));
        restarted.confirm(more.holdId(), more.token(), "order-9");
        restarted.refund(perf, "order-1", List.of("STALLS-A-1"), null);
        restarted.refund(perf, "order-t1-1", List.of("STALLS-E-1"), null);
        assertThat(restarted.availability(perf).salesTallies()).containsExactly(
                new SalesTally("KIOSK", "K1", 1), new SalesTally("UNKNOWN", null, 2));
    }

    @Test
    void aPerformanceNeverLoadedIsUnknownEvenAfterARestart() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        var other = TestSeating.performance(4);
        seatings.register(other, TestSeating.venue());

        LocalHoldStore restarted = restart();

        assertThatThrownBy(() -> restarted.availability(other.id())).isInstanceOf(UnknownPerformanceException.class);
        assertThat(restarted.sweep(other.id()).expired()).isZero();
        assertThat(stateIn(restarted, "STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(restarted.release(hold.holdId(), hold.token()).status()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void endedHoldsAreForgottenAfterTheRetentionAndStayForgottenAfterARestart() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        store.release(hold.holdId(), hold.token());
        clock.advance(RETENTION.minusSeconds(1));
        assertThat(store.sweep(perf).purged()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.sweep(perf).purged()).isEqualTo(1);

        LocalHoldStore restarted = restart();

        assertThatThrownBy(() -> restarted.release(hold.holdId(), hold.token())).isInstanceOf(UnknownHoldException.class);
    }

    @Test
    void aTerminalKilledWithoutClosingItsDatabaseComesBackWithEverythingItAnswered() throws Exception {
        database.dispose();
        Process terminal = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledTerminal.class.getName(),
                dir.resolve("terminal").toString(), perf, SECRET)
                .redirectErrorStream(true).start();
        List<String> lines = new String(terminal.getInputStream().readAllBytes()).lines().toList();
        assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> said = new HashMap<>();
        for (String line : lines) {
            int cut = line.indexOf(' ');
            if (cut > 0) {
                said.put(line.substring(0, cut), line.substring(cut + 1));
            }
        }
        assertThat(said).as("output of the killed terminal: %s", lines).containsKeys("HELD", "PAID", "STATES", "FEED");

        database = openDatabase();
        LocalHoldStore restarted = new LocalHoldStore(database, clock, seatings, tokens, RETENTION);

        Availability found = restarted.availability(perf);
        assertThat(found.states()).isEqualTo(said.get("STATES"));
        assertThat(found.feedId()).isEqualTo(said.get("FEED"));
        assertThat(found.count(SeatState.SOLD)).isEqualTo(3);
        String[] held = said.get("HELD").split(" ");
        String[] paid = said.get("PAID").split(" ");
        assertThat(restarted.confirm(paid[0], paid[1], "order-again").orderId()).isEqualTo("order-crash");
        assertThat(restarted.confirm(held[0], held[1], "order-ann").seatIds()).containsExactly("STALLS-A-1", "STALLS-A-2");
        assertThat(stateIn(restarted, "STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aChangeTheDatabaseRefusesIsNotMadeInMemoryEither() throws Exception {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE local_hold ADD CONSTRAINT refuse_mallory CHECK (owner <> 'web:mallory')");
        }
        Availability before = store.availability(perf);

        assertThatThrownBy(() -> store.hold(online("mallory", SeatSelection.seats("STALLS-A-1", "STALLS-A-2"))))
                .isInstanceOf(HoldStorageException.class);

        assertThat(store.availability(perf)).isEqualTo(before);
        assertThat(new LocalHoldStore(database, clock, seatings, tokens, RETENTION).availability(perf)).isEqualTo(before);
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE local_hold DROP CONSTRAINT refuse_mallory");
        }
        // neither the seats nor mallory's count were taken by the refused hold
        Hold hold = store.hold(online("mallory", SeatSelection.seats("STALLS-A-1", "STALLS-A-2", "STALLS-A-3", "STALLS-A-4")));
        assertThat(hold.seatIds()).hasSize(4);
    }

    // --- many threads ---

    @Test
    void sixteenThreadsRacingForTheSameSeatsNeverShareOneAndTheStoredStateAgrees() throws Exception {
        int threads = 16;
        int rounds = 120;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<HoldRequest> liveRequests = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Hold> liveHolds = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        List<String> categories = Arrays.asList("A", "B", "C", null);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                List<HoldRequest> mine = new ArrayList<>();
                List<Hold> mineHolds = new ArrayList<>();
                start.await();
                for (int i = 0; i < rounds; i++) {
                    if (!mineHolds.isEmpty() && random.nextInt(3) == 0) {
                        int k = random.nextInt(mineHolds.size());
                        Hold gone = mineHolds.remove(k);
                        mine.remove(k);
                        store.release(gone.holdId(), gone.token());
                        continue;
                    }
                    SeatSelection selection;
                    if (random.nextBoolean()) {
                        selection = SeatSelection.best(1 + random.nextInt(4), categories.get(random.nextInt(4)));
                    } else {
                        char row = (char) ('A' + random.nextInt(3));
                        int first = 4 + random.nextInt(4);
                        selection = SeatSelection.seats("STALLS-" + row + "-" + first, "STALLS-" + row + "-" + (first + 1),
                                "STALLS-" + row + "-" + (first + 2));
                    }
                    HoldRequest request = windowOf("T" + thread, "r" + thread + "-" + i, selection);
                    try {
                        Hold hold = store.hold(request);
                        mine.add(request);
                        mineHolds.add(hold);
                        granted.incrementAndGet();
                    } catch (SeatUnavailableException | NotEnoughSeatsException e) {
                        refused.incrementAndGet();
                    }
                }
                liveRequests.addAll(mine);
                liveHolds.addAll(mineHolds);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(refused.get()).as("the threads did compete for seats").isPositive();
        assertThat(granted.get()).isPositive();

        String inMemory = store.availability(perf).states();
        LocalHoldStore fresh = restart();
        Availability stored = fresh.availability(perf);
        assertThat(stored.states()).isEqualTo(inMemory);

        SeatLayout layout = seatings.seating(perf).layout();
        Set<String> heldSeats = new HashSet<>();
        long heldTotal = 0;
        for (HoldRequest request : liveRequests) {
            Hold asStored = fresh.hold(request);
            assertThat(asStored.status()).isEqualTo(HoldStatus.HELD);
            for (String seat : asStored.seatIds()) {
                assertThat(heldSeats.add(seat)).as("seat %s is in two holds", seat).isTrue();
                assertThat(stored.stateOf(layout.indexOf(seat))).isEqualTo(SeatState.HELD);
            }
            heldTotal += asStored.seatIds().size();
        }
        assertThat(liveHolds.stream().mapToLong(h -> h.seatIds().size()).sum()).isEqualTo(heldTotal);
        assertThat(stored.count(SeatState.HELD)).isEqualTo(heldTotal);
        assertThat(stored.states().chars().filter(c -> c == 'H').count()).isEqualTo(heldTotal);
    }

    // --- large houses ---

    @Test
    void bestAvailableFillsASeventyThousandSeatArenaFromTheBestBlockKeepingGroupsTogether() {
        var arena = GeneratedVenues.house("arena-70k", 40, 50, 35, false);
        var show = GeneratedVenues.performanceAt(arena.id(), 8);
        seatings.register(show, arena);
        store.load(show.id(), List.of(), Map.of());
        SeatLayout layout = seatings.seating(show.id()).layout();
        assertThat(layout.size()).isEqualTo(70_000);
        int bestRank = layout.blocks().stream().mapToInt(SeatLayout.Block::rank).min().orElseThrow();

        Set<String> taken = new HashSet<>();
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Hold hold = store.hold(new HoldRequest(show.id(), null, "kiosk", null, Channel.BOX_OFFICE, null,
                    SeatSelection.best(2 + i % 5, null)));
            holds.add(hold);
            for (String seat : hold.seatIds()) {
                assertThat(taken.add(seat)).as("seat %s given twice", seat).isTrue();
                assertThat(layout.isWheelchairSpace(layout.indexOf(seat))).isFalse();
            }
            assertThat(hold.seatIds().stream().map(id -> layout.blockIndexOf(layout.indexOf(id))).distinct())
                    .as("one group, one block").hasSize(1);
        }

        assertThat(layout.blockOf(layout.indexOf(holds.get(0).seatIds().get(0))).rank()).isEqualTo(bestRank);
        assertThat(store.availability(show.id()).count(SeatState.HELD)).isEqualTo(taken.size());
    }

    private SeatState stateIn(HoldStore target, String seatId) {
        return target.availability(perf).stateOf(seatings.seating(perf).layout().indexOf(seatId));
    }
}

package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.venue.Venue;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The terminal's store and the server's must behave alike, or a clerk would see the window pick
 * other seats (or refuse other requests) the moment the network drops. The same long random run
 * of calls goes to both; every answer, every refusal and the seat map must match.
 */
class LocalAndRedisStoresAgreeTest {

    private static final StatefulRedisConnection<String, String> connection = SharedRedis.connection();

    @TempDir
    Path dir;

    private JdbcConnectionPool database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.dispose();
        }
    }

    @Test
    void aLongRandomRunOfCallsGetsTheSameAnswersFromBothStores() {
        runBoth(GeneratedVenues.house("agree-house", 3, 15, 20, true), 2_000, 11);
    }

    @Test
    void blocksOfEqualRankAreTakenInTheSameOrderByBothStores() {
        runBoth(GeneratedVenues.house("tied-house", 12, 15, 20, false), 2_000, 13);
    }

    @Test
    void theSmallTestHouseGetsTheSameAnswersFromBothStores() {
        runBoth(TestSeating.venue(), 1_000, 5);
    }

    @Test
    void bestAvailableLooksAtEightFittingBlocksAtMostBeforeSettlingForAStrandedSeat() {
        MutableClock clock = new MutableClock(TestSeating.START);
        InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
        Venue venue = GeneratedVenues.house("eight-blocks", 1, 10, 20, true);
        Performance performance = GeneratedVenues.performanceAt(venue.id(), 6);
        String perf = performance.id();
        seatings.register(performance, venue);
        HoldTokens tokens = HoldTokens.withRandomSecret();
        database = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("terminal"), "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        List<HoldStore> both = List.of(
                new RedisHoldStore(new RedisScripts(connection), clock, seatings, tokens, Duration.ofMinutes(20), 500),
                new LocalHoldStore(database, clock, seatings, tokens, Duration.ofMinutes(20)));
        SeatLayout layout = seatings.seating(perf).layout();
        List<SeatLayout.Block> byRank = layout.blocks().stream()
                .sorted(Comparator.comparingInt(SeatLayout.Block::rank)).toList();
        // The eight best blocks keep four free seats at their end: any three strand the fourth.
        List<DurableSeat> durable = new ArrayList<>();
        for (SeatLayout.Block block : byRank.subList(0, 8)) {
            for (int seat = block.start(); seat < block.start() + block.length() - 4; seat++) {
                durable.add(new DurableSeat(layout.seatId(seat), SeatState.BLOCKED, "house"));
            }
        }
        same("load", both, s -> s.load(perf, durable, Map.of()));

        Object answer = same("best 3", both, s -> s.hold(new HoldRequest(perf, "r1", "clerk", null,
                Channel.BOX_OFFICE, null, SeatSelection.best(3, null))));

        // the ninth block could seat three without stranding anyone, but is never looked at
        assertThat(answer).isInstanceOf(Hold.class);
        SeatLayout.Block chosen = layout.blockOf(layout.indexOf(((Hold) answer).seatIds().get(0)));
        assertThat(chosen).isEqualTo(byRank.get(0));
    }

    private void runBoth(Venue venue, int steps, long seed) {
        MutableClock clock = new MutableClock(TestSeating.START);
        InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
        Performance performance = venue.id().equals("test-house")
                ? TestSeating.performance(6)
                : GeneratedVenues.performanceAt(venue.id(), 6);
        String perf = performance.id();
        seatings.register(performance, venue);
        HoldTokens tokens = HoldTokens.withRandomSecret();
        database = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("terminal"), "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        HoldStore redis = new RedisHoldStore(new RedisScripts(connection), clock, seatings, tokens, Duration.ofMinutes(20), 500);
        HoldStore local = new LocalHoldStore(database, clock, seatings, tokens, Duration.ofMinutes(20));
        List<HoldStore> both = List.of(redis, local);

        SeatLayout layout = seatings.seating(perf).layout();
        Random random = new Random(seed);
        List<DurableSeat> durable = new ArrayList<>();
        for (int seat = 0; seat < layout.size(); seat++) {
            int roll = random.nextInt(20);
            if (roll == 0) {
                durable.add(new DurableSeat(layout.seatId(seat), SeatState.SOLD, "order-old-" + seat));
            } else if (roll == 1) {
                durable.add(new DurableSeat(layout.seatId(seat), SeatState.BLOCKED, "house"));
            } else if (roll == 2) {
                durable.add(new DurableSeat(layout.seatId(seat), SeatState.ALLOCATED, "T" + random.nextInt(2)));
            }
        }
        Map<String, Integer> buyers = Map.of("buyer-1", 2);
        same("load", both, s -> s.load(perf, durable, buyers));

        List<Hold> holds = new ArrayList<>();
        List<String> categories = Arrays.asList("A", "B", "C", null);
        for (int step = 0; step < steps; step++) {
            int roll = random.nextInt(100);
            String label = "step " + step;
            if (roll < 45) {
                int count = 1 + random.nextInt(6);
                int wheelchair = random.nextInt(10) == 0 ? 1 + random.nextInt(Math.min(2, count)) : 0;
                HoldRequest request = request(perf, step, random, new SeatSelection.BestAvailable(count,
                        categories.get(random.nextInt(categories.size())), wheelchair));
                Object answer = same(label + " best " + request.selection(), both, s -> s.hold(request));
                if (answer instanceof Hold hold) {
                    holds.add(hold);
                }
            } else if (roll < 65) {
                int first = random.nextInt(layout.size());
                int n = 1 + random.nextInt(4);
                List<String> seats = new ArrayList<>();
                for (int seat = first; seat < Math.min(layout.size(), first + n); seat++) {
                    seats.add(layout.seatId(seat));
                }
                HoldRequest request = request(perf, step, random, new SeatSelection.Seats(seats));
                Object answer = same(label + " seats " + seats, both, s -> s.hold(request));
                if (answer instanceof Hold hold) {
                    holds.add(hold);
                }
            } else if (roll < 78 && !holds.isEmpty()) {
                Hold hold = holds.get(random.nextInt(holds.size()));
                same(label + " release", both, s -> s.release(hold.holdId(), hold.token()));
            } else if (roll < 88 && !holds.isEmpty()) {
                Hold hold = holds.get(random.nextInt(holds.size()));
                String order = "order-" + step;
                same(label + " confirm", both, s -> s.confirm(hold.holdId(), hold.token(), order));
            } else if (roll < 92 && !holds.isEmpty()) {
                Hold hold = holds.get(random.nextInt(holds.size()));
                same(label + " extend", both, s -> s.extend(hold.holdId(), hold.token()));
            } else if (roll < 96) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(4)));
                same(label + " sweep", both, s -> s.sweep(perf));
            } else {
                int seat = random.nextInt(layout.size());
                List<String> seats = List.of(layout.seatId(seat));
                switch (random.nextInt(4)) {
                    case 0 -> same(label + " block", both, s -> s.block(perf, seats, "house"));
                    case 1 -> same(label + " unblock", both, s -> s.unblock(perf, seats));
                    case 2 -> same(label + " allocate", both, s -> s.allocate(perf, seats, "T0"));
                    default -> same(label + " journal sale", both, s -> s.applyJournalSale(perf,
                            new JournalSale("T0-" + seat, "T0", "order-T0-" + seat, seats)));
                }
            }
            if (step % 50 == 0) {
                assertMapsAgree(redis, local, perf, label);
            }
        }
        assertMapsAgree(redis, local, perf, "the end");
    }

    private static HoldRequest request(String perf, int step, Random random, SeatSelection selection) {
        if (random.nextInt(4) == 0) {
            String terminal = "T" + random.nextInt(2);
            return new HoldRequest(perf, "r" + step, "clerk", null, Channel.BOX_OFFICE, terminal, selection);
        }
        String buyer = "buyer-" + random.nextInt(8);
        return new HoldRequest(perf, "r" + step, "web:" + buyer, buyer, Channel.ONLINE, null, selection);
    }

    private static void assertMapsAgree(HoldStore redis, HoldStore local, String perf, String when) {
        Availability r = redis.availability(perf);
        Availability l = local.availability(perf);
        assertThat(l.states()).as("seat map at %s", when).isEqualTo(r.states());
        assertThat(l.counts()).as("counts at %s", when).isEqualTo(r.counts());
    }

    /** Runs a call on both stores and insists on the same answer or the same refusal. */
    private static Object same(String what, List<HoldStore> stores, Function<HoldStore, Object> call) {
        Object[] answers = new Object[stores.size()];
        for (int i = 0; i < stores.size(); i++) {
            HoldStore store = stores.get(i);
            answers[i] = outcome(() -> call.apply(store));
        }
        assertThat(answers[1]).as(what).isEqualTo(answers[0]);
        return answers[0];
    }

    private static Object outcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (SeatUnavailableException e) {
            return "SeatUnavailable " + e.seatIds();
        } catch (HoldExpiredException e) {
            return "HoldExpired " + e.takenSeatIds();
        } catch (SaleConflictException e) {
            return "SaleConflict " + new TreeMap<>(e.conflicts());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}

package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Real threads racing for the same seats on a real Redis. Each test ends by reading the stored seat
 * state and owners straight from Redis and checking that no seat went to two holds or orders.
 */
class RedisHoldRaceTest {

    private static final StatefulRedisConnection<String, String> connection = SharedRedis.connection();
    private final MutableClock clock = new MutableClock(TestSeating.START);
    private final InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();

    private RedisHoldStore store() {
        return new RedisHoldStore(new RedisScripts(connection), clock, seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 1000);
    }

    private Map<String, String> storedOwners(String performanceId) {
        return connection.sync().hgetall(RedisKeys.of(performanceId)[2]);
    }

    private String storedStates(String performanceId) {
        return connection.sync().get(RedisKeys.of(performanceId)[1]);
    }

    @Test
    void manyThreadsRacingForTheSameSeatsEachSeatGoesToOneHold() throws Exception {
        Performance performance = TestSeating.performance(50);
        seatings.register(performance, TestSeating.venue());
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        List<String> contested = new ArrayList<>();
        for (int s = 1; s <= 12; s++) {
            contested.add("STALLS-A-" + s);
        }
        ConcurrentLinkedQueue<Hold> won = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        runThreads(16, 300, (thread, attempt) -> {
            List<String> pick = new ArrayList<>(contested);
            Collections.shuffle(pick, ThreadLocalRandom.current());
            int n = 1 + ThreadLocalRandom.current().nextInt(3);
            try {
                Hold hold = store.hold(new HoldRequest(performance.id(), null, "t" + thread, "buyer-" + thread + "-" + attempt,
                        Channel.ONLINE, null, new SeatSelection.Seats(pick.subList(0, n))));
                won.add(hold);
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    store.release(hold.holdId(), hold.token());
                    won.remove(hold);
                }
            } catch (SeatUnavailableException e) {
                refused.incrementAndGet();
            }
        });

        SeatLayout layout = seatings.seating(performance.id()).layout();
        Map<String, String> owners = storedOwners(performance.id());
        String states = storedStates(performance.id());
        Set<String> seen = new HashSet<>();
        for (Hold hold : won) {
            for (String seat : hold.seatIds()) {
                assertThat(seen.add(seat)).as("seat %s in two live holds", seat).isTrue();
                int index = layout.indexOf(seat);
                assertThat(states.charAt(index)).isEqualTo('H');
                assertThat(owners.get(String.valueOf(index))).isEqualTo(hold.holdId());
            }
        }
        assertThat(states.chars().filter(c -> c == 'H').count()).isEqualTo(seen.size());
        assertThat(refused.get()).isPositive();
    }

    @Test
    void bestAvailableBuyersRacingToSellOutSellEverySeatOnce() throws Exception {
        Performance performance = TestSeating.performanceAt("race-grid", 8);
        seatings.register(performance, TestSeating.grid("race-grid", 30, 20));
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        ConcurrentLinkedQueue<Hold> sold = new ConcurrentLinkedQueue<>();
        AtomicInteger orders = new AtomicInteger();
        String[] categories = {"A", "B", "C", null};
        runThreads(24, 400, (thread, attempt) -> {
            int count = 1 + ThreadLocalRandom.current().nextInt(4);
            String category = categories[ThreadLocalRandom.current().nextInt(categories.length)];
            try {
                Hold hold = store.hold(new HoldRequest(performance.id(), null, "t" + thread, null, Channel.KIOSK, null,
                        SeatSelection.best(count, category)));
                sold.add(store.confirm(hold.holdId(), hold.token(), "order-" + orders.incrementAndGet()));
            } catch (NotEnoughSeatsException e) {
                // sold out in that category for that group size
            }
        });

        SeatLayout layout = seatings.seating(performance.id()).layout();
        Map<String, String> owners = storedOwners(performance.id());
        Map<String, String> orderOfSeat = new HashMap<>();
        for (Hold hold : sold) {
            assertThat(hold.status()).isEqualTo(HoldStatus.CONFIRMED);
            for (String seat : hold.seatIds()) {
                assertThat(orderOfSeat.put(seat, hold.orderId())).as("seat %s sold twice", seat).isNull();
                assertThat(owners.get(String.valueOf(layout.indexOf(seat)))).isEqualTo(hold.orderId());
            }
        }
        Availability after = store.availability(performance.id());
        assertThat(after.count(SeatState.SOLD)).isEqualTo(orderOfSeat.size());
        assertThat(after.count(SeatState.HELD)).isZero();
        // 24 x 400 requests for 600 seats: only stranded single seats may be left
        assertThat(after.count(SeatState.AVAILABLE)).isLessThan(60);
    }

    @Test
    void confirmRacingTheExpirySweepEndsEachHoldOneWayOnly() throws Exception {
        Performance performance = TestSeating.performanceAt("sweep-grid", 8);
        seatings.register(performance, TestSeating.grid("sweep-grid", 20, 20));
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            holds.add(store.hold(new HoldRequest(performance.id(), null, "t", null, Channel.ONLINE, null,
                    SeatSelection.seats("G-" + (i / 10) + "-" + (i % 10 * 2), "G-" + (i / 10) + "-" + (i % 10 * 2 + 1)))));
        }
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Hold> confirmed = new ConcurrentLinkedQueue<>();
        for (int part = 0; part < 2; part++) {
            int from = part * 100;
            pool.submit(() -> {
                go.await();
                for (Hold hold : holds.subList(from, from + 100)) {
                    // nobody else holds seats here, so even a hold the sweep got to first confirms
                    confirmed.add(store.confirm(hold.holdId(), hold.token(), "order-" + hold.holdId()));
                }
                return null;
            });
        }
        pool.submit(() -> {
            go.await();
            for (int i = 0; i < 50; i++) {
                store.sweep(performance.id());
            }
            return null;
        });
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        // Every confirm succeeded (seats were free even when swept first); each seat is sold exactly
        // under its own hold's order and nothing is left held.
        assertThat(confirmed).hasSize(200);
        SeatLayout layout = seatings.seating(performance.id()).layout();
        Map<String, String> owners = storedOwners(performance.id());
        for (Hold hold : confirmed) {
            for (String seat : hold.seatIds()) {
                assertThat(owners.get(String.valueOf(layout.indexOf(seat)))).isEqualTo("order-" + hold.holdId());
            }
        }
        Availability after = store.availability(performance.id());
        assertThat(after.count(SeatState.SOLD)).isEqualTo(400);
        assertThat(after.count(SeatState.HELD)).isZero();
    }

    interface Attempt {
        void run(int thread, int attempt) throws Exception;
    }

    static void runThreads(int threads, int attempts, Attempt body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                for (int a = 0; a < attempts; a++) {
                    body.run(thread, a);
                }
                return null;
            }));
        }
        go.countDown();
        for (var f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}

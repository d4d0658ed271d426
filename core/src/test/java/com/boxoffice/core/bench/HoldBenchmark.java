package com.boxoffice.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.NotEnoughSeatsException;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.RedisScripts.Script;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.SharedRedis;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Hold throughput and a flash sale, on a real Redis, printing RESULT lines.
 *
 * <p>Throughput compares like with like in one run: redis-benchmark sends the project's own hold
 * script (EVALSHA, 50 connections, one request each in flight) holding a random seat of a 200,000
 * seat house under a random hold id; then the core's hold path does the same number of holds with
 * the same randomness and 50 holds in flight on its one shared connection.
 */
@Tag("bench")
class HoldBenchmark {

    private static final int SEATS = 200_000;
    private static final int CALLS = 200_000;
    private static final int IN_FLIGHT = 50;

    private static final StatefulRedisConnection<String, String> connection = SharedRedis.connection();
    private final InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();

    /** The benchmark's performances are large; leave the shared Redis as it was found. */
    @AfterEach
    void dropBenchmarkPerformances() {
        for (String performanceId : seatings.performanceIds()) {
            connection.sync().del(RedisKeys.of(performanceId));
        }
    }

    private RedisHoldStore store() {
        return new RedisHoldStore(new RedisScripts(connection), Clock.systemUTC(), seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 1000);
    }

    @Test
    void holdThroughput() throws Exception {
        Performance performance = TestSeating.performanceAt("bench-grid", 8);
        seatings.register(performance, TestSeating.grid("bench-grid", 400, SEATS / 400));
        RedisHoldStore store = store();
        store.scripts().loadAll();

        // warm the JIT on the core path before anything is measured
        store.load(performance.id(), List.of(), Map.of());
        coreHolds(store, performance.id(), 100_000);

        double redisBenchmark = Double.NaN;
        File tool = findRedisBenchmark();
        if (tool != null) {
            store.load(performance.id(), List.of(), Map.of());
            redisBenchmark = runRedisBenchmark(tool, store.scripts(), performance.id());
        } else {
            System.out.println("redis-benchmark not installed: only the core's rate is measured");
        }

        store.load(performance.id(), List.of(), Map.of());
        double core = coreHolds(store, performance.id(), CALLS);
        Availability after = store.availability(performance.id());
        assertThat(after.count(SeatState.HELD)).isPositive();

        System.out.printf("RESULT hold_throughput core_ops_s=%.0f redis_benchmark_ops_s=%.0f ratio=%.2f%n",
                core, redisBenchmark, core / redisBenchmark);
    }

    /** Holds one random seat per call under a random request id, IN_FLIGHT at a time; returns calls per second. */
    private double coreHolds(RedisHoldStore store, String performanceId, int calls) throws InterruptedException {
        SeatLayout layout = seatings.seating(performanceId).layout();
        SplittableRandom random = new SplittableRandom(42);
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            slots.acquire();
            HoldRequest request = new HoldRequest(performanceId, String.valueOf(random.nextInt(SEATS)), "bench", null,
                    Channel.ONLINE, null, SeatSelection.seats(layout.seatId(random.nextInt(SEATS))));
            store.holdAsync(request).whenComplete((hold, failure) -> {
                if (failure != null && !(unwrap(failure) instanceof SeatUnavailableException)) {
                    failures.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(IN_FLIGHT);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(failures.get()).as("holds that failed for another reason than a taken seat").isZero();
        return calls / seconds;
    }

    private double runRedisBenchmark(File tool, RedisScripts scripts, String performanceId) throws Exception {
        URI redis = TestRedis.uri();
        long now = System.currentTimeMillis();
        List<String> command = new ArrayList<>(List.of(tool.getPath(), "-h", redis.getHost(), "-p", String.valueOf(redis.getPort()),
                "-c", String.valueOf(IN_FLIGHT), "-n", String.valueOf(CALLS), "-r", String.valueOf(SEATS), "--csv",
                "EVALSHA", scripts.sha(Script.HOLD), "15"));
        command.addAll(List.of(RedisKeys.of(performanceId)));
        command.addAll(List.of(String.valueOf(now), "h__rand_int__", "bench", "", HoldTokens.hash("bench-token"),
                String.valueOf(now + 600_000), "ONLINE", "0", "", "seats", "__rand_int__"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isBlank()) {
                    last = line;
                }
            }
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("redis-benchmark: %s", last).isZero();
        // --csv: "test","rps","avg_latency_ms",...
        String[] fields = last.replace("\"", "").split(",");
        return Double.parseDouble(fields[1]);
    }

    @Test
    void flashSale() throws Exception {
        int seats = 50_000;
        int buyers = 500_000;
        Performance performance = TestSeating.performanceAt("flash-grid", 8);
        seatings.register(performance, TestSeating.grid("flash-grid", 1000, 50));
        RedisHoldStore store = store();
        store.scripts().loadAll();
        store.load(performance.id(), List.of(), Map.of());

        String[] categories = {null, null, "A", "B", "C"};
        SplittableRandom random = new SplittableRandom(7);
        Semaphore slots = new Semaphore(256);
        ConcurrentLinkedQueue<Hold> sold = new ConcurrentLinkedQueue<>();
        AtomicLong unexpected = new AtomicLong();
        long start = System.nanoTime();
        for (int b = 0; b < buyers; b++) {
            slots.acquire();
            String buyer = "buyer-" + b;
            HoldRequest request = new HoldRequest(performance.id(), buyer, "web:" + buyer, buyer, Channel.ONLINE, null,
                    SeatSelection.best(1 + random.nextInt(4), categories[random.nextInt(categories.length)]));
            CompletableFuture<Hold> sale = store.holdAsync(request)
                    .thenCompose(hold -> store.confirmAsync(hold.holdId(), hold.token(), "order-" + buyer));
            sale.whenComplete((hold, failure) -> {
                if (failure == null) {
                    sold.add(hold);
                } else if (!(unwrap(failure) instanceof NotEnoughSeatsException)) {
                    unexpected.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(256);
        double elapsed = (System.nanoTime() - start) / 1e9;

        // Count what is stored, not what the buyers were told.
        SeatLayout layout = seatings.seating(performance.id()).layout();
        Map<String, String> owners = connection.sync().hgetall(RedisKeys.of(performance.id())[2]);
        String states = connection.sync().get(RedisKeys.of(performance.id())[1]);
        Map<String, String> orderOfSeat = new HashMap<>();
        long oversold = 0;
        for (Hold hold : sold) {
            for (String seat : hold.seatIds()) {
                String index = String.valueOf(layout.indexOf(seat));
                if (orderOfSeat.put(seat, hold.orderId()) != null || !hold.orderId().equals(owners.get(index))) {
                    oversold++;
                }
            }
        }
        long storedSold = states.chars().filter(c -> c == 'S').count();
        oversold += Math.max(0, orderOfSeat.size() - storedSold);
        System.out.printf("RESULT flash_sale seats=%d buyers=%d sold=%d oversold=%d seconds=%.1f%n",
                seats, buyers, storedSold, oversold, elapsed);
        assertThat(unexpected.get()).as("buyers who failed for another reason than a sell-out").isZero();
        assertThat(oversold).isZero();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static File findRedisBenchmark() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-benchmark");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}

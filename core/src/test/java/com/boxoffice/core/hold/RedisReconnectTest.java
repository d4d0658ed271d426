package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Connections drop in the middle of a sale. Lettuce reconnects and sends again the commands that
 * had no answer, some of which Redis had already run; a caller that saw an error retries with the
 * same request id. Either way each hold must apply exactly once.
 */
class RedisReconnectTest {

    @Test
    void holdsResentAfterTheConnectionIsKilledApplyExactlyOnce() {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect();
             StatefulRedisConnection<String, String> admin = client.connect()) {
            InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
            Performance performance = TestSeating.performanceAt("reconnect-grid", 4);
            seatings.register(performance, TestSeating.grid("reconnect-grid", 100, 40));
            RedisHoldStore store = new RedisHoldStore(new RedisScripts(connection), new MutableClock(TestSeating.START),
                    seatings, HoldTokens.withRandomSecret(), Duration.ofHours(1), 1000);
            store.load(performance.id(), List.of(), Map.of());
            SeatLayout layout = seatings.seating(performance.id()).layout();

            int total = layout.size();
            List<HoldRequest> requests = new ArrayList<>(total);
            List<CompletableFuture<Hold>> inFlight = new ArrayList<>(total);
            int kills = 0;
            long firstClientId = connection.sync().clientId();
            for (int i = 0; i < total; i++) {
                HoldRequest request = new HoldRequest(performance.id(), "req-" + i, "web", "buyer-" + i, Channel.ONLINE,
                        null, SeatSelection.seats(layout.seatId(i)));
                requests.add(request);
                inFlight.add(store.holdAsync(request));
                if (i % 1000 == 500) {
                    long id = connection.sync().clientId();
                    admin.sync().clientKill(KillArgs.Builder.id(id));
                    kills++;
                }
            }
            int retried = 0;
            List<Hold> holds = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                try {
                    holds.add(inFlight.get(i).join());
                } catch (CompletionException e) {
                    // the connection broke under this call: Lettuce reports it wrapped or as the raw reset
                    assertThat(e.getCause()).isInstanceOfAny(RedisException.class, IOException.class);
                    holds.add(store.hold(requests.get(i)));
                    retried++;
                }
            }

            assertThat(kills).isEqualTo(4);
            assertThat(connection.sync().clientId()).as("the connection was really dropped and reopened").isNotEqualTo(firstClientId);
            Map<String, String> owners = connection.sync().hgetall(RedisKeys.of(performance.id())[2]);
            Map<String, String> buyers = connection.sync().hgetall(RedisKeys.of(performance.id())[11]);
            for (int i = 0; i < total; i++) {
                assertThat(holds.get(i).seatIds()).containsExactly(layout.seatId(i));
                assertThat(owners.get(String.valueOf(i))).isEqualTo(holds.get(i).holdId());
            }
            assertThat(buyers).hasSize(total).allSatisfy((buyer, seats) -> assertThat(seats).isEqualTo("1"));
            Availability after = store.availability(performance.id());
            assertThat(after.count(SeatState.HELD)).isEqualTo(total);
            assertThat(connection.sync().hlen(RedisKeys.of(performance.id())[8])).isEqualTo(total);
            System.out.printf("reconnect test: %d kills, %d holds retried by the caller%n", kills, retried);
        } finally {
            client.shutdown();
        }
    }
}

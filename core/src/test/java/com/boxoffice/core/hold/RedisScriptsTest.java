package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

class RedisScriptsTest {

    @Test
    void aServerThatForgotTheScriptsIsTaughtThemAgainAndTheCallGoesThrough() {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisScripts scripts = new RedisScripts(connection);
            InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
            Performance performance = TestSeating.performance(4);
            seatings.register(performance, TestSeating.venue());
            RedisHoldStore store = new RedisHoldStore(scripts, new MutableClock(TestSeating.START), seatings,
                    HoldTokens.withRandomSecret(), Duration.ofHours(1), 100);
            store.load(performance.id(), List.of(), Map.of());

            connection.sync().scriptFlush();
            assertThat(connection.sync().scriptExists(scripts.sha(RedisScripts.Script.HOLD))).containsExactly(false);

            Hold hold = store.hold(new HoldRequest(performance.id(), "r1", "web", "ann", Channel.ONLINE, null,
                    SeatSelection.seats("STALLS-A-1")));

            assertThat(hold.seatIds()).containsExactly("STALLS-A-1");
            assertThat(connection.sync().scriptExists(scripts.sha(RedisScripts.Script.HOLD))).containsExactly(true);
            assertThat(store.availability(performance.id()).count(SeatState.HELD)).isEqualTo(1);
        } finally {
            client.shutdown();
        }
    }
}

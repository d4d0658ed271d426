package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.testsupport.TestRedis;

class HoldAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HoldAutoConfiguration.class))
            .withPropertyValues("boxoffice.holds.redis-url=" + TestRedis.url(), "boxoffice.holds.sweep-interval=50ms",
                    "boxoffice.holds.token-secret=a-secret-of-sixteen-or-more");

    @Test
    void anApplicationGetsAWorkingRedisHoldStoreWhoseSweeperReleasesExpiredHolds() {
        MutableClock clock = new MutableClock(Instant.now());
        runner.withBean(Clock.class, () -> clock).run(context -> {
            HoldStore store = context.getBean(HoldStore.class);
            assertThat(store).isInstanceOf(RedisHoldStore.class);
            Performance performance = TestSeating.performance(4);
            ((InMemoryPerformanceSeatings) context.getBean(PerformanceSeatings.class)).register(performance, TestSeating.venue());
            store.load(performance.id(), List.of(), Map.of());

            Hold hold = store.hold(new HoldRequest(performance.id(), "r1", "web", "ann", Channel.ONLINE, null,
                    SeatSelection.seats("STALLS-A-1")));
            clock.advance(TestSeating.HOLDS.online().plusSeconds(1));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.availability(performance.id()).count(SeatState.HELD) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(store.availability(performance.id()).count(SeatState.HELD)).isZero();
            assertThatTokenIsStable(context.getBean(HoldTokens.class), hold);
        });
    }

    private static void assertThatTokenIsStable(HoldTokens tokens, Hold hold) {
        assertThat(tokens.token(hold.holdId())).isEqualTo(hold.token());
        assertThat(new HoldTokens("a-secret-of-sixteen-or-more".getBytes()).token(hold.holdId())).isEqualTo(hold.token());
    }

    @Test
    void theSweeperCanBeSwitchedOff() {
        runner.withPropertyValues("boxoffice.holds.sweeper=false")
                .run(context -> assertThat(context).doesNotHaveBean(HoldSweeper.class).hasSingleBean(HoldStore.class));
    }
}

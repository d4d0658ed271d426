package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.h2.jdbcx.JdbcConnectionPool;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;

/**
 * A terminal process that sells a few seats and is then killed outright, without closing its
 * database, as a power cut or a crash would. It prints what it answered, for the test that started
 * it to compare with what a new process finds on disk.
 *
 * <p>Arguments: database file, performance id, token secret.
 */
final class KilledTerminal {

    private KilledTerminal() {
    }

    public static void main(String[] args) {
        JdbcConnectionPool database = JdbcConnectionPool.create("jdbc:h2:file:" + args[0], "sa", "");
        Performance performance = new Performance(args[1], "test-house", "Test Show",
                TestSeating.START.plus(Duration.ofDays(7)), TestSeating.START.minus(Duration.ofDays(30)),
                TestSeating.START.plus(Duration.ofDays(7)), TestSeating.performance(4).tiers(), TestSeating.HOLDS, 4,
                OfflinePolicy.ALLOCATED_ONLY);
        InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
        seatings.register(performance, TestSeating.venue());
        LocalHoldStore store = new LocalHoldStore(database, Clock.fixed(TestSeating.START, ZoneOffset.UTC), seatings,
                new HoldTokens(args[2].getBytes(StandardCharsets.UTF_8)), Duration.ofHours(1));

        Hold held = store.hold(new HoldRequest(args[1], "crash-1", "web:ann", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        Hold paid = store.hold(new HoldRequest(args[1], "crash-2", "web:bob", "bob", Channel.ONLINE, null,
                SeatSelection.best(3, "B")));
        store.confirm(paid.holdId(), paid.token(), "order-crash");
        store.block(args[1], List.of("STALLS-E-12"), "broken");
        Availability seen = store.availability(args[1]);
        System.out.println("HELD " + held.holdId() + " " + held.token());
        System.out.println("PAID " + paid.holdId() + " " + paid.token());
        System.out.println("STATES " + seen.states());
        System.out.println("FEED " + seen.feedId());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}

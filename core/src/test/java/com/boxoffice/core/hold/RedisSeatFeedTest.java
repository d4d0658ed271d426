package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** A snapshot plus the feed after it is exactly the live state, even with writers racing the snapshot. */
class RedisSeatFeedTest {

    private final MutableClock clock = new MutableClock(TestSeating.START);
    private final InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();

    private RedisHoldStore store() {
        return new RedisHoldStore(new RedisScripts(SharedRedis.connection()), clock, seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 500);
    }

    @Test
    void aSnapshotTakenDuringTrafficPlusTheFeedAfterItEqualsTheLiveState() throws Exception {
        Performance performance = TestSeating.performanceAt("feed-grid", 8);
        seatings.register(performance, TestSeating.grid("feed-grid", 20, 20));
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        // A whole row, so that the random traffic, which may sell any allocated seat, cannot sell
        // every one of them and leave the end state without an allocated seat to compare.
        List<String> backRow = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            backRow.add("G-19-" + s);
        }
        store.allocate(performance.id(), backRow, "T1");

        ConcurrentLinkedQueue<Hold> live = new ConcurrentLinkedQueue<>();
        List<Availability> snapshots = new ArrayList<>();
        Thread traffic = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 1500; i++) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    int op = random.nextInt(10);
                    if (op < 5) {
                        live.add(store.hold(new HoldRequest(performance.id(), null, "t", null, Channel.BOX_OFFICE, "T1",
                                SeatSelection.seats("G-" + random.nextInt(20) + "-" + random.nextInt(20)))));
                    } else if (op < 8 && !live.isEmpty()) {
                        Hold hold = live.poll();
                        store.release(hold.holdId(), hold.token());
                    } else if (!live.isEmpty()) {
                        Hold hold = live.poll();
                        store.confirm(hold.holdId(), hold.token(), "order-" + i);
                    }
                } catch (SeatUnavailableException e) {
                    // taken already: part of the traffic
                }
            }
        });
        while (traffic.isAlive()) {
            snapshots.add(store.availability(performance.id()));
        }
        traffic.join();
        Availability end = store.availability(performance.id());

        RedisClient client = RedisClient.create(TestRedis.url());
        StatefulRedisConnection<String, String> dedicated = client.connect();
        try {
            RedisSeatFeed feed = new RedisSeatFeed(dedicated);
            assertThat(snapshots).hasSizeGreaterThan(2);
            for (Availability snapshot : List.of(snapshots.get(0), snapshots.get(snapshots.size() / 2), snapshots.get(snapshots.size() - 1))) {
                List<SeatChange> after = readAll(feed, performance.id(), snapshot.feedId());
                assertThat(RedisSeatFeed.apply(snapshot.states(), after)).isEqualTo(end.states());
            }
            assertThat(end.states()).contains("A").contains("S");
        } finally {
            dedicated.close();
            client.shutdown();
        }
    }

    @Test
    void aRebuildTellsReadersToTakeANewSnapshot() {
        Performance performance = TestSeating.performance(4);
        seatings.register(performance, TestSeating.venue());
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        Availability before = store.availability(performance.id());
        Hold hold = store.hold(new HoldRequest(performance.id(), null, "t", null, Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1")));
        store.load(performance.id(), List.of(), Map.of());

        List<SeatChange> changes = new RedisSeatFeed(SharedRedis.connection()).read(performance.id(), before.feedId(), 100, Duration.ZERO);
        assertThat(changes).extracting(SeatChange::type).containsExactly("HELD", "REBUILD");
        assertThat(changes.get(1).ref()).isEqualTo(hold.holdId());
        assertThatThrownBy(() -> RedisSeatFeed.apply(before.states(), changes)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReaderIsCaughtUpOnlyFromAnEntryTheCappedFeedStillHolds() {
        Performance performance = TestSeating.performance(4);
        seatings.register(performance, TestSeating.venue());
        RedisHoldStore store = store();
        store.load(performance.id(), List.of(), Map.of());
        Availability before = store.availability(performance.id());
        store.hold(new HoldRequest(performance.id(), null, "t", null, Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1")));
        store.hold(new HoldRequest(performance.id(), null, "t", null, Channel.ONLINE, null, SeatSelection.seats("STALLS-A-2")));
        RedisSeatFeed feed = new RedisSeatFeed(SharedRedis.connection());
        String last = feed.lastId(performance.id());
        assertThat(last).isEqualTo(store.availability(performance.id()).feedId());

        assertThat(feed.catchUp(performance.id(), before.feedId(), 10).orElseThrow())
                .extracting(SeatChange::type).containsExactly("HELD", "HELD");
        assertThat(feed.catchUp(performance.id(), before.feedId(), 1).orElseThrow()).hasSize(1);
        assertThat(feed.catchUp(performance.id(), last, 10)).contains(List.of());
        assertThat(feed.catchUp(performance.id(), "1-0", 10)).as("an id the feed never had").isEmpty();

        // the stream is capped: once the entry a reader stands on is trimmed, it cannot be caught up
        SharedRedis.connection().sync().xtrim(RedisKeys.feed(performance.id()), 1);
        assertThat(feed.catchUp(performance.id(), before.feedId(), 10)).isEmpty();
        assertThat(feed.catchUp(performance.id(), last, 10)).contains(List.of());
    }

    private static List<SeatChange> readAll(RedisSeatFeed feed, String performanceId, String from) {
        List<SeatChange> all = new ArrayList<>();
        String cursor = from;
        while (true) {
            List<SeatChange> page = feed.read(performanceId, cursor, 500, Duration.ZERO);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            cursor = page.get(page.size() - 1).id();
        }
    }
}

package com.boxoffice.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.sale.SeatStateRebuild;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;

/** The seat-change stream over real HTTP and a real Redis feed: live changes, catching up, resets, heartbeats. */
class SeatChangesTest extends SyncTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private SeatChangeHub hub;
    @Autowired
    private SeatStateRebuild rebuild;
    @Autowired
    private StatefulRedisConnection<String, String> redis;

    @Test
    void aHoldMadeAfterSubscribingArrivesWithItsSeatIndexesAndStates() throws Exception {
        String perf = fx.newPerformance();
        try (SseStream stream = SseStream.open(port, changes(perf))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

            hold(perf, "STALLS-B-7", "STALLS-B-8");

            SseStream.Event event = stream.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("seats");
            JsonNode data = SyncFixture.JSON.readTree(event.data());
            assertThat(data.get("seats").toString()).isEqualTo("[" + SyncFixture.seatIndex("STALLS-B-7") + ","
                    + SyncFixture.seatIndex("STALLS-B-8") + "]");
            assertThat(data.get("states").asString()).isEqualTo("HH");
            assertThat(event.id()).isEqualTo(feedId(perf));
        }
    }

    @Test
    void everySubscriberOfAPerformanceIsFedByOneTailer() throws Exception {
        String perf = fx.newPerformance();
        try (SseStream first = SseStream.open(port, changes(perf));
             SseStream second = SseStream.open(port, changes(perf))) {
            assertThat(hub.followed()).containsEntry(perf, 2);

            hold(perf, "STALLS-E-1");

            String seat = "[" + SyncFixture.seatIndex("STALLS-E-1") + "]";
            assertThat(first.next(WAIT).data()).contains(seat);
            assertThat(second.next(WAIT).data()).contains(seat);
        }
    }

    @Test
    void aSubscriberBehindTheTailerIsCaughtUpInOrderThenFollowsLive() throws Exception {
        String perf = fx.newPerformance();
        String start = feedId(perf);
        try (SseStream early = SseStream.open(port, changes(perf))) {
            hold(perf, "STALLS-A-1");
            hold(perf, "STALLS-A-2");
            assertThat(early.next(WAIT).data()).contains("[" + SyncFixture.seatIndex("STALLS-A-1") + "]");
            assertThat(early.next(WAIT).data()).contains("[" + SyncFixture.seatIndex("STALLS-A-2") + "]");

            try (SseStream late = SseStream.open(port, changes(perf) + "?after=" + start)) {
                SseStream.Event one = late.next(WAIT);
                SseStream.Event two = late.next(WAIT);
                assertThat(one.data()).contains("[" + SyncFixture.seatIndex("STALLS-A-1") + "]");
                assertThat(two.data()).contains("[" + SyncFixture.seatIndex("STALLS-A-2") + "]");
                assertThat(FeedId.parse(two.id()).isAfter(FeedId.parse(one.id()))).isTrue();

                hold(perf, "STALLS-A-3");

                SseStream.Event live = late.next(WAIT);
                assertThat(live.data()).contains("[" + SyncFixture.seatIndex("STALLS-A-3") + "]");
                assertThat(live.id()).isEqualTo(feedId(perf));
            }
        }
    }

    @Test
    void aReconnectingBrowsersLastEventIdWinsOverTheAfterItFirstOpenedWith() throws Exception {
        String perf = fx.newPerformance();
        String start = feedId(perf);
        hold(perf, "STALLS-C-1");
        String seen = feedId(perf);
        hold(perf, "STALLS-C-2");

        try (SseStream stream = SseStream.open(port, changes(perf) + "?after=" + start, Map.of("Last-Event-ID", seen))) {
            SseStream.Event event = stream.next(WAIT);
            assertThat(event.data()).contains("[" + SyncFixture.seatIndex("STALLS-C-2") + "]");
            assertThat(event.id()).isEqualTo(feedId(perf));
        }
    }

    @Test
    void anIdOlderThanTheCappedFeedHoldsIsToldToReset() throws Exception {
        String perf = fx.newPerformance();
        String old = feedId(perf);
        hold(perf, "STALLS-D-1");
        hold(perf, "STALLS-D-2");
        // as the stream's cap does to entries long past
        redis.sync().xtrim(RedisKeys.feed(perf), 1);

        try (SseStream stream = SseStream.open(port, changes(perf) + "?after=" + old)) {
            SseStream.Event event = stream.next(WAIT);
            assertThat(event.name()).isEqualTo("reset");
            assertThat(event.id()).isNull();
            assertThat(stream.endsWithin(WAIT)).isTrue();
        }
        try (SseStream stream = SseStream.open(port, changes(perf) + "?after=" + feedId(perf))) {
            hold(perf, "STALLS-D-3");
            assertThat(stream.next(WAIT).name()).as("the current id still follows").isEqualTo("seats");
        }
    }

    @Test
    void aRebuildOfTheSeatsResetsOpenStreams() throws Exception {
        String perf = fx.newPerformance();
        fx.states(perf);
        try (SseStream stream = SseStream.open(port, changes(perf))) {
            rebuild.rebuild(perf);

            SseStream.Event event = stream.next(WAIT);
            assertThat(event.name()).isEqualTo("reset");
            assertThat(event.data()).contains("rebuilt");
            assertThat(stream.endsWithin(WAIT)).isTrue();
        }
    }

    @Test
    void anIdTheFeedNeverHadIsToldToReset() throws Exception {
        String perf = fx.newPerformance();
        fx.states(perf);
        try (SseStream stream = SseStream.open(port, changes(perf) + "?after=99999999999999-0")) {
            assertThat(stream.next(WAIT).name()).isEqualTo("reset");
        }
    }

    @Test
    void somethingThatIsNotAFeedIdIsABadRequest() {
        String perf = fx.newPerformance();

        SyncFixture.Response r = fx.get(changes(perf) + "?after=yesterday", null);

        r.assertProblem(400);
        assertThat(r.json().get("type").asString()).endsWith("/invalid-feed-id");
    }

    @Test
    void idleStreamsGetHeartbeatsAndADroppedOneStopsItsTailer() throws Exception {
        String perf = fx.newPerformance();
        SseStream stream = SseStream.open(port, changes(perf));
        SseStream.Event beat = stream.nextBlock(System.nanoTime() + WAIT.toNanos());
        assertThat(beat).isNotNull();
        assertThat(beat.comments()).contains("keep-alive");
        assertThat(hub.followed()).containsEntry(perf, 1);

        stream.close();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.followed().containsKey(perf) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hub.followed()).doesNotContainKey(perf);
    }

    @Test
    void stoppingClosesEveryStreamAndStartingAgainServesNewOnes() throws Exception {
        String perf = fx.newPerformance();
        try (SseStream open = SseStream.open(port, changes(perf))) {
            hub.stop();
            try {
                assertThat(open.endsWithin(WAIT)).isTrue();
                assertThat(hub.followed()).isEmpty();
            } finally {
                // Spring pauses and resumes contexts it is not using in just this way
                hub.start();
            }
        }
        try (SseStream again = SseStream.open(port, changes(perf))) {
            hold(perf, "BALCONY-A-4");
            assertThat(again.next(WAIT).data()).contains("[" + SyncFixture.seatIndex("BALCONY-A-4") + "]");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String changes(String perf) {
        return "/api/performances/" + perf + "/changes";
    }

    private Hold hold(String perf, String... seats) {
        fx.states(perf);
        return holds.hold(new HoldRequest(perf, null, "someone", null, Channel.ONLINE, null, SeatSelection.seats(seats)));
    }

    private String feedId(String perf) {
        fx.states(perf);
        return fx.get("/api/performances/" + perf + "/availability", null).json().get("feedId").asString();
    }
}

package com.boxoffice.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SharedRedis;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.venue.Venue;

/**
 * The waiting room on a real Redis, next to a real performance's seats (the test house: 76 seats).
 * The sale opens at {@link #OPENS}; the clock starts an hour before.
 */
class WaitingRoomTest {

    private static final Instant OPENS = TestSeating.START;
    private static final int SEATS = 76;
    private static final AdmissionPolicy FAST = new AdmissionPolicy(1_000_000, 1_000_000, Duration.ofMinutes(10), 10_000);

    private final MutableClock clock = new MutableClock(OPENS.minus(Duration.ofHours(1)));
    private RedisScripts scripts;
    private RedisHoldStore seats;
    private WaitingRoom room;
    private String perf;

    @BeforeEach
    void testHouse() {
        newPerformance(TestSeating.venue(), TestSeating.performance(8));
    }

    private void newPerformance(Venue venue, Performance performance) {
        InMemoryPerformanceSeatings seatings = new InMemoryPerformanceSeatings();
        seatings.register(performance, venue);
        perf = performance.id();
        scripts = new RedisScripts(SharedRedis.connection());
        seats = new RedisHoldStore(scripts, clock, seatings, HoldTokens.withRandomSecret(), Duration.ofHours(1), 500);
        seats.load(perf, List.of(), Map.of());
        room = new WaitingRoom(scripts, clock);
    }

    private QueueEntry join(String buyer) {
        return room.join(perf, OPENS, buyer, null);
    }

    private void open() {
        clock.advance(Duration.between(clock.instant(), OPENS).plusSeconds(1));
    }

    private Hold hold(String buyer, int count) {
        return seats.hold(new HoldRequest(perf, null, buyer, buyer, Channel.ONLINE, null, SeatSelection.best(count, null)));
    }

    @Test
    void lobbyMembersGetRandomPlacesSoArrivingEarlyGivesNoAdvantage() {
        int n = 2000;
        List<CompletableFuture<QueueEntry>> joined = new ArrayList<>();
        List<QueueEntry> lobby = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lobby.add(join("early-" + i));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(lobby).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(QueueState.LOBBY);
            assertThat(e.position()).isNull();
        });
        open();
        for (QueueEntry e : lobby) {
            joined.add(room.statusAsync(e.queueId()));
        }
        long[] places = new long[n];
        for (int i = 0; i < n; i++) {
            QueueEntry now = joined.get(i).join();
            assertThat(now.state()).isEqualTo(QueueState.WAITING);
            assertThat(now.position()).isEqualTo(now.number());
            places[i] = now.number();
        }
        Set<Long> distinct = new HashSet<>();
        for (long p : places) {
            distinct.add(p);
        }
        assertThat(distinct).hasSize(n).allSatisfy(p -> assertThat(p).isBetween(1L, (long) n));

        // Spearman's rank correlation of arrival order and place: about 0 when places are random
        // (its standard deviation is 1/sqrt(n-1) = 0.022 here), 1 when the lobby keeps arrival order.
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double d = (i + 1) - places[i];
            sumSquares += d * d;
        }
        double rho = 1 - 6 * sumSquares / ((double) n * ((double) n * n - 1));
        assertThat(Math.abs(rho)).as("rank correlation of arrival and place").isLessThan(0.1);
        // and the first tenth to arrive hold no more of the first tenth of places than chance gives (200 +- 13)
        long earlyInFront = 0;
        for (int i = 0; i < n / 10; i++) {
            if (places[i] <= n / 10) {
                earlyInFront++;
            }
        }
        assertThat(earlyInFront).as("early arrivals among the first tenth of places").isLessThan(60);
    }

    @Test
    void afterTheSaleOpensBuyersLineUpInArrivalOrderBehindTheLobby() {
        QueueEntry early1 = join("lobby-1");
        QueueEntry early2 = join("lobby-2");
        open();
        List<QueueEntry> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.add(join("later-" + i));
        }

        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i).state()).isEqualTo(QueueState.WAITING);
            assertThat(later.get(i).number()).isEqualTo(3 + i);
            assertThat(later.get(i).lobbySize()).isEqualTo(2);
        }
        assertThat(List.of(room.status(early1.queueId()).number(), room.status(early2.queueId()).number()))
                .containsExactlyInAnyOrder(1L, 2L);

        AdmissionRound round = room.admit(perf, OPENS, new AdmissionPolicy(1_000_000, 5, Duration.ofMinutes(10), 100));
        assertThat(round.admitted()).isEqualTo(5);
        assertThat(room.status(early1.queueId()).state()).isEqualTo(QueueState.ADMITTED);
        assertThat(room.status(early2.queueId()).state()).isEqualTo(QueueState.ADMITTED);
        assertThat(room.status(later.get(2).queueId()).state()).isEqualTo(QueueState.ADMITTED);
        QueueEntry fourthLater = room.status(later.get(3).queueId());
        assertThat(fourthLater.state()).isEqualTo(QueueState.WAITING);
        assertThat(fourthLater.position()).isEqualTo(1);
        assertThat(room.status(later.get(19).queueId()).position()).isEqualTo(17);
    }

    @Test
    void nobodyIsAdmittedBeforeTheSaleOpens() {
        for (int i = 0; i < 10; i++) {
            join("b" + i);
        }
        AdmissionRound round = room.admit(perf, OPENS, FAST);

        assertThat(round.open()).isFalse();
        assertThat(round.admitted()).isZero();
        assertThat(room.view(perf).lobbySize()).isNull();
        assertThat(room.view(perf).inLine()).isEqualTo(10);
    }

    @Test
    void admissionNeverRunsAboveTheRateWhateverServersRunRounds() {
        newPerformance(TestSeating.grid("grid-100x100", 100, 100), TestSeating.performanceAt("grid-100x100", 8));
        open();
        for (int i = 0; i < 3000; i++) {
            join("b" + i);
        }
        double rate = 20;
        int burst = 10;
        AdmissionPolicy policy = new AdmissionPolicy(rate, burst, Duration.ofHours(1), 1000);
        WaitingRoom otherServer = new WaitingRoom(new RedisScripts(SharedRedis.connection()), clock);
        Instant start = clock.instant();
        long admitted = 0;
        // rounds at uneven moments, from two servers, some at the same instant
        int[] steps = {0, 37, 250, 1, 480, 120, 0, 333, 77, 402};
        for (int i = 0; i < 600; i++) {
            clock.advance(Duration.ofMillis(steps[i % steps.length]));
            admitted += (i % 3 == 0 ? otherServer : room).admit(perf, OPENS, policy).admitted();
            double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
            assertThat((double) admitted).as("admitted after %.3f s", seconds).isLessThanOrEqualTo(rate * seconds + burst);
        }
        double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        // and it does admit at the rate while people wait
        assertThat((double) admitted).isGreaterThanOrEqualTo(rate * seconds - 1);
        assertThat(room.view(perf).served()).isEqualTo(admitted);
        assertThat(room.view(perf).measuredRate()).isBetween(rate * 0.5, rate * 1.5);
    }

    @Test
    void admissionNeverLetsThroughMoreBuyersThanSeatsAreLeftAndRecyclesThoseWhoTimeOut() {
        open();
        List<QueueEntry> line = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            line.add(join("b" + i));
        }
        AdmissionRound first = room.admit(perf, OPENS, FAST);
        assertThat(first.admitted()).isEqualTo(SEATS);
        assertThat(room.admit(perf, OPENS, FAST).admitted()).isZero();

        // one admitted buyer holds 4 seats: 72 seats free for the 75 admitted without seats
        QueueEntry holder = line.get(0);
        hold("b0", 4);
        room.keepAdmitted(holder.queueId(), clock.instant().plus(Duration.ofMinutes(12)), true);
        assertThat(room.admit(perf, OPENS, FAST).admitted()).isZero();

        // the 75 who did nothing run out; their slots go to the next in line, but only as many as
        // seats are free (72), the holder still holding
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        AdmissionRound recycled = room.admit(perf, OPENS, FAST);
        assertThat(recycled.ranOut()).isEqualTo(SEATS - 1);
        assertThat(recycled.admitted()).isEqualTo(SEATS - 4);
        assertThat(room.status(line.get(1).queueId()).state()).isEqualTo(QueueState.EXPIRED);
        assertThat(room.status(holder.queueId()).state()).isEqualTo(QueueState.ADMITTED);
        assertThat(room.status(line.get(SEATS + SEATS - 4 - 1).queueId()).state()).isEqualTo(QueueState.ADMITTED);
        assertThat(room.status(line.get(SEATS + SEATS - 4).queueId()).state()).isEqualTo(QueueState.WAITING);
    }

    @Test
    void racingAdmissionRoundsNeverAdmitMoreThanTheSeats() throws Exception {
        open();
        for (int i = 0; i < 500; i++) {
            join("b" + i);
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                WaitingRoom server = new WaitingRoom(new RedisScripts(SharedRedis.connection()), clock);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 50; i++) {
                        admitted.addAndGet(server.admit(perf, OPENS, new AdmissionPolicy(1_000_000, 1_000_000,
                                Duration.ofMinutes(10), 3)).admitted());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admitted.get()).isEqualTo(SEATS);
        assertThat(room.view(perf).served()).isEqualTo(SEATS);
    }

    @Test
    void whenTheLastSeatSellsEveryoneStillWaitingIsToldAtOnce() {
        open();
        List<QueueEntry> line = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            line.add(join("b" + i));
        }
        room.admit(perf, OPENS, new AdmissionPolicy(1_000_000, 10, Duration.ofMinutes(10), 100));

        // every seat held: not sold out (holds may come back), but nobody can be let through
        List<String> all = TestSeating.venue().sections().stream().flatMap(section -> section.rows().stream())
                .flatMap(row -> row.seats().stream()).map(seat -> seat.id()).toList();
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < SEATS; i += 4) {
            holds.add(seats.hold(new HoldRequest(perf, null, "holder", "holder-" + i, Channel.ONLINE, null,
                    new SeatSelection.Seats(all.subList(i, i + 4)))));
        }
        QueueEntry waiting = room.status(line.get(50).queueId());
        assertThat(waiting.state()).isEqualTo(QueueState.WAITING);
        assertThat(room.admit(perf, OPENS, FAST).stalled()).isTrue();
        assertThat(room.status(line.get(50).queueId()).estimatedWait(10)).as("no honest estimate while stalled").isNull();
        assertThat(room.view(perf).soldOut()).isFalse();
        assertThat(room.admit(perf, OPENS, FAST).admitted()).isZero();

        for (int i = 0; i < holds.size(); i++) {
            seats.confirm(holds.get(i).holdId(), holds.get(i).token(), "order-" + i);
        }
        assertThat(room.view(perf).soldOut()).isTrue();
        for (int i = 10; i < line.size(); i++) {
            assertThat(room.status(line.get(i).queueId()).state()).isEqualTo(QueueState.SOLD_OUT);
        }
        assertThat(room.status(line.get(0).queueId()).state()).as("already admitted").isEqualTo(QueueState.ADMITTED);
        assertThatThrownBy(() -> join("late")).isInstanceOf(SoldOutException.class);
        assertThat(room.view(perf).inLine()).isEqualTo(100);
    }

    @Test
    void aBuyerHasOneLiveEntryGivenBackOnlyToTheClientThatMadeIt() {
        open();
        QueueEntry first = room.join(perf, OPENS, "ada@example.com", "key-1");
        QueueEntry again = room.join(perf, OPENS, "ada@example.com", "key-1");
        assertThat(again.queueId()).isEqualTo(first.queueId());
        assertThat(again.number()).isEqualTo(first.number());

        assertThatThrownBy(() -> room.join(perf, OPENS, "ada@example.com", "key-2")).isInstanceOf(AlreadyQueuedException.class);
        assertThatThrownBy(() -> room.join(perf, OPENS, "ada@example.com", null)).isInstanceOf(AlreadyQueuedException.class);
        assertThat(room.view(perf).inLine()).isEqualTo(1);

        // once the entry is done the buyer may queue again, at the end of the line
        room.join(perf, OPENS, "bob@example.com", null);
        room.admit(perf, OPENS, new AdmissionPolicy(1_000_000, 1, Duration.ofMinutes(10), 1));
        room.finish(first.queueId());
        assertThat(room.status(first.queueId()).state()).isEqualTo(QueueState.DONE);
        QueueEntry rejoined = room.join(perf, OPENS, "ada@example.com", "key-3");
        assertThat(rejoined.queueId()).isNotEqualTo(first.queueId());
        assertThat(rejoined.number()).isEqualTo(3);
    }

    @Test
    void anAdmissionIsKeptOpenOnlyWhileItIsLive() {
        open();
        QueueEntry ada = join("ada");
        QueueEntry bob = join("bob");
        assertThatThrownBy(() -> room.keepAdmitted(ada.queueId(), clock.instant().plusSeconds(60), false))
                .isInstanceOf(NotAdmittedException.class).hasFieldOrPropertyWithValue("code", "NOT_ADMITTED");

        room.admit(perf, OPENS, new AdmissionPolicy(1_000_000, 2, Duration.ofMinutes(10), 2));
        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(room.keepAdmitted(ada.queueId(), until, true)).isEqualTo(until);
        // an earlier time never shortens it
        assertThat(room.keepAdmitted(ada.queueId(), clock.instant().plusSeconds(1), true)).isEqualTo(until);
        assertThat(room.status(ada.queueId()).admittedUntil()).isEqualTo(until);

        clock.advance(Duration.ofMinutes(11));
        assertThat(room.status(bob.queueId()).state()).isEqualTo(QueueState.EXPIRED);
        assertThatThrownBy(() -> room.keepAdmitted(bob.queueId(), clock.instant().plusSeconds(60), false))
                .isInstanceOf(NotAdmittedException.class).hasFieldOrPropertyWithValue("code", "ADMISSION_EXPIRED");
        assertThat(room.status(ada.queueId()).state()).isEqualTo(QueueState.ADMITTED);

        room.finish(ada.queueId());
        room.finish(ada.queueId());
        assertThatThrownBy(() -> room.keepAdmitted(ada.queueId(), clock.instant().plusSeconds(60), false))
                .isInstanceOf(NotAdmittedException.class).hasFieldOrPropertyWithValue("code", "ADMISSION_FINISHED");
    }

    @Test
    void theWaitIsEstimatedFromTheRateBuyersAreActuallyLetThrough() {
        open();
        List<QueueEntry> line = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            line.add(join("b" + i));
        }
        // before anyone is let through: the configured rate
        assertThat(room.status(line.get(39).queueId()).estimatedWait(10)).isEqualTo(Duration.ofSeconds(4));

        // let through 2 a second for 20 s: position 30 means about 15 s whatever was configured
        AdmissionPolicy slow = new AdmissionPolicy(2, 1, Duration.ofHours(1), 100);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMillis(500));
            room.admit(perf, OPENS, slow);
        }
        QueueEntry later = room.status(line.get(69).queueId());
        assertThat(later.position()).isEqualTo(70 - later.served());
        assertThat(later.estimatedWait(1000).toSeconds()).isBetween(later.position() / 3, later.position() / 1);
    }

    @Test
    void unknownOrMalformedEntryIdsAreRefused() {
        join("ada");
        assertThatThrownBy(() -> room.status(perf + ".nope")).isInstanceOf(UnknownQueueEntryException.class);
        assertThatThrownBy(() -> room.status("no-dot")).isInstanceOf(UnknownQueueEntryException.class);
        assertThatThrownBy(() -> room.status("bad perf!.x")).isInstanceOf(UnknownQueueEntryException.class);
        assertThatThrownBy(() -> room.finish(perf + ".nope")).isInstanceOf(UnknownQueueEntryException.class);
        assertThat(room.view(perf).inLine()).isEqualTo(1);
    }
}

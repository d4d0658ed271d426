package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.hold.RedisScripts.Script;

import io.lettuce.core.api.StatefulRedisConnection;

/** The hold contract on a real Redis, and what only the Redis store's scripts must get right. */
class RedisHoldStoreTest extends HoldStoreContract {

    private static final StatefulRedisConnection<String, String> connection = SharedRedis.connection();

    /** Argument positions of the load script (after the keys). */
    private static final int LOAD_ID = 1;
    private static final int LOAD_FLAGS = 4;
    private static final int LOAD_SEAT_BLOCKS = 5;
    private static final int LOAD_BLOCKS = 6;
    private static final int LOAD_STATE = 7;
    private static final int LOAD_OWNERS = 8;
    private static final int LOAD_BUYERS = 9;

    @Override
    protected HoldStore newStore(MutableClock clock, PerformanceSeatings seatings) {
        return new RedisHoldStore(new RedisScripts(connection), clock, seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 500);
    }

    private RedisHoldStore redis() {
        return (RedisHoldStore) store;
    }

    private int index(String seatId) {
        return seatings.seating(perf).layout().indexOf(seatId);
    }

    private List<Object> runLoad(String... args) {
        return RedisHoldStore.await(redis().scripts().run(Script.LOAD, RedisKeys.of(perf), args));
    }

    @Test
    void anUnblockOrRefundSentAgainIsAnsweredAsTheFirstTimeEvenAfterTheSeatsChanged() {
        store.block(perf, List.of("STALLS-A-1"), "camera");
        String[] unblock = {String.valueOf(clock.instant().toEpochMilli()), "UNBLOCK", String.valueOf(index("STALLS-A-1")), "", "call-1"};
        List<Object> first = RedisHoldStore.await(redis().scripts().run(Script.ASSIGN, RedisKeys.of(perf), unblock));
        store.hold(window(SeatSelection.seats("STALLS-A-1")));
        List<Object> again = RedisHoldStore.await(redis().scripts().run(Script.ASSIGN, RedisKeys.of(perf), unblock));

        assertThat(first).containsExactly("OK", String.valueOf(index("STALLS-A-1")));
        assertThat(again).isEqualTo(first);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);

        Hold sold = store.hold(online("ann", SeatSelection.seats("STALLS-B-1")));
        store.confirm(sold.holdId(), sold.token(), "order-1");
        String[] refund = {String.valueOf(clock.instant().toEpochMilli()), "order-1", String.valueOf(index("STALLS-B-1")), "ann", "call-2"};
        List<Object> refunded = RedisHoldStore.await(redis().scripts().run(Script.REFUND, RedisKeys.of(perf), refund));
        List<Object> refundedAgain = RedisHoldStore.await(redis().scripts().run(Script.REFUND, RedisKeys.of(perf), refund));
        assertThat(refunded).containsExactly("OK", String.valueOf(index("STALLS-B-1")));
        assertThat(refundedAgain).isEqualTo(refunded);
        assertThat(state("STALLS-B-1")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void aHoldIsFoundByItsIdAsItIsNowAndAnUnknownIdFindsNothing() {
        Hold held = store.hold(window(SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        String before = states();

        assertThat(redis().findHold(held.holdId())).contains(held);
        assertThat(states()).isEqualTo(before);

        store.confirm(held.holdId(), held.token(), "order-1");
        Hold sold = redis().findHold(held.holdId()).orElseThrow();
        assertThat(sold.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(sold.orderId()).isEqualTo("order-1");
        assertThat(sold.seatIds()).containsExactly("STALLS-A-1", "STALLS-A-2");
        assertThat(sold.token()).isEqualTo(held.token());

        assertThat(redis().findHold(perf + "." + UUID.randomUUID())).isEmpty();
        assertThat(redis().findHold("no-performance-named")).isEmpty();
    }

    @Test
    void aJournalSaleAppliedWithoutWaitingAnswersAndConflictsAsTheWaitingCall() {
        JournalSale first = new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-1", "STALLS-E-2"));
        JournalSale second = new JournalSale("T2-0001", "T2", "order-t2-1", List.of("STALLS-E-2", "STALLS-E-3"));
        var a = redis().applyJournalSaleAsync(perf, first);
        var b = redis().applyJournalSaleAsync(perf, second);
        var again = redis().applyJournalSaleAsync(perf, first);

        assertThat(a.join()).isEqualTo("order-t1-1");
        assertThat(again.join()).isEqualTo("order-t1-1");
        assertThat(b).isCompletedExceptionally();
        assertThatThrownBy(() -> RedisHoldStore.await(b)).isInstanceOfSatisfying(SaleConflictException.class,
                e -> assertThat(e.conflicts()).containsExactlyEntriesOf(Map.of("STALLS-E-2", SeatState.SOLD)));
        assertThat(state("STALLS-E-3")).isEqualTo(SeatState.AVAILABLE);
        assertThat(store.availability(perf).count(SeatState.SOLD)).isEqualTo(2);
    }

    /** Every key of the performance byte for byte, to tell that nothing at all was changed. */
    private List<String> dumpAll() {
        List<String> dumps = new ArrayList<>();
        for (String key : RedisKeys.of(perf)) {
            byte[] dump = connection.sync().dump(key);
            dumps.add(key + " " + (dump == null ? "absent" : HexFormat.of().formatHex(dump)));
        }
        return dumps;
    }

    @Test
    void aBlockReasonWithSeparatorsIsStoredExactlyAsGiven() {
        String reason = "camera; row=E; a=b;;=";
        store.load(perf, List.of(new DurableSeat("STALLS-E-1", SeatState.BLOCKED, reason)), Map.of());

        assertThat(connection.sync().hget(RedisKeys.of(perf)[2], String.valueOf(index("STALLS-E-1")))).isEqualTo(reason);
        assertThat(connection.sync().hlen(RedisKeys.of(perf)[2])).isEqualTo(1);
    }

    @Test
    void aMalformedLoadIsRefusedAndLeavesEveryKeyAsItWas() {
        store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        store.block(perf, List.of("STALLS-B-1"), "camera");
        store.allocate(perf, List.of("STALLS-E-1"), "T1");
        List<String> before = dumpAll();
        String[] good = redis().loadArguments(perf,
                List.of(new DurableSeat("STALLS-C-1", SeatState.SOLD, "order-1")), Map.of("ann", 1),
                UUID.randomUUID().toString());
        int seatCount = seatings.seating(perf).layout().size();
        String freeState = ".".repeat(seatCount);
        String soldFirst = "S" + ".".repeat(seatCount - 1);

        List<String[]> malformed = new ArrayList<>();
        malformed.add(with(good, LOAD_OWNERS, "{\"" + index("STALLS-C-1") + "\": \"order-1\""));
        malformed.add(with(good, LOAD_OWNERS, "not json"));
        malformed.add(with(good, LOAD_OWNERS, "[\"order-1\"]"));
        malformed.add(with(good, LOAD_OWNERS, "{\"" + seatCount + "\": \"order-1\"}"));
        malformed.add(with(good, LOAD_OWNERS, "{\"-1\": \"order-1\"}"));
        malformed.add(with(good, LOAD_OWNERS, "{\"" + index("STALLS-C-1") + "\": 7}"));
        malformed.add(with(with(good, LOAD_STATE, freeState), LOAD_OWNERS, "{\"0\": \"order-1\"}"));
        malformed.add(with(good, LOAD_BUYERS, "{\"ann\": -1}"));
        malformed.add(with(good, LOAD_BUYERS, "{\"ann\": 1.5}"));
        malformed.add(with(good, LOAD_BUYERS, "{\"ann\": \"1\"}"));
        malformed.add(with(good, LOAD_BUYERS, "ann=1"));
        malformed.add(with(with(good, LOAD_STATE, "H" + freeState.substring(1)), LOAD_OWNERS, "{}"));
        malformed.add(with(with(good, LOAD_STATE, "X" + freeState.substring(1)), LOAD_OWNERS, "{}"));
        malformed.add(with(with(good, LOAD_STATE, soldFirst + "."), LOAD_OWNERS, "{}"));
        malformed.add(with(good, LOAD_FLAGS, good[LOAD_FLAGS].substring(1) + "Q"));
        malformed.add(with(good, LOAD_SEAT_BLOCKS, "p" + good[LOAD_SEAT_BLOCKS].substring(1)));
        malformed.add(with(good, LOAD_BLOCKS, good[LOAD_BLOCKS].replaceFirst("^0 ", "1 ")));
        malformed.add(with(good, LOAD_ID, ""));

        for (String[] args : malformed) {
            List<Object> reply = runLoad(args);
            assertThat(reply).as("reply to %s", List.of(args).subList(LOAD_STATE, LOAD_BUYERS + 1)).startsWith("ERR", "INVALID_REQUEST");
            assertThat(dumpAll()).as("keys after %s", List.of(args).subList(LOAD_STATE, LOAD_BUYERS + 1)).containsExactlyElementsOf(before);
        }
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(runLoad(good)).startsWith("OK");
        assertThat(state("STALLS-C-1")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aLoadSentAgainAnswersAsTheFirstTimeAndKeepsEverythingDoneSince() {
        Hold dropped = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        String[] load = redis().loadArguments(perf, List.of(new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9")),
                Map.of(), UUID.randomUUID().toString());

        List<Object> first = runLoad(load);
        Hold since = store.hold(online("bob", SeatSelection.seats("STALLS-A-2")));
        store.block(perf, List.of("STALLS-A-3"), "camera");
        Availability before = store.availability(perf);
        List<Object> again = runLoad(load);

        assertThat(first).containsExactly("OK", dropped.holdId());
        assertThat(again).isEqualTo(first);
        assertThat(store.availability(perf)).isEqualTo(before);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.HELD);
        assertThat(state("STALLS-A-3")).isEqualTo(SeatState.BLOCKED);
        assertThat(store.confirm(since.holdId(), since.token(), "order-10").status()).isEqualTo(HoldStatus.CONFIRMED);
        // a new load of the same seats is a load of its own
        store.load(perf, List.of(new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9")), Map.of());
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-A-3")).isEqualTo(SeatState.AVAILABLE);
    }

    private static String[] with(String[] args, int position, String value) {
        String[] changed = args.clone();
        changed[position] = value;
        return changed;
    }
}

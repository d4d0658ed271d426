package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.hold.RedisScripts.Script;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.json.JsonMapper;

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

    // --- many journal sales in one call ---

    /** Another performance of the same house, set up as {@link #setUpForSales} sets up {@code perf}. */
    private String twinPerformance() {
        Performance twin = TestSeating.performance(4);
        seatings.register(twin, TestSeating.venue());
        store.load(twin.id(), List.of(), Map.of());
        setUpForSales(twin.id());
        return twin.id();
    }

    /** Seats in every state a journal sale can meet: sold, blocked, held, allocated to either terminal. */
    private void setUpForSales(String performanceId) {
        store.load(performanceId, List.of(new DurableSeat("STALLS-A-1", SeatState.SOLD, "order-0"),
                new DurableSeat("STALLS-A-2", SeatState.BLOCKED, "camera")), Map.of());
        store.allocate(performanceId, List.of("STALLS-E-1", "STALLS-E-2", "STALLS-E-3", "STALLS-E-4"), "T1");
        store.allocate(performanceId, List.of("STALLS-E-9", "STALLS-E-10"), "T2");
        store.hold(new HoldRequest(performanceId, "ann-1", "web:ann", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-B-1", "STALLS-B-2")));
    }

    /**
     * Everything a journal sale can change in a performance's keys, with its id, hold ids, hold
     * tokens and call ids written alike, so two performances can be compared; the feed without its
     * entry ids.
     */
    private Map<String, Object> salesState(String performanceId) {
        String[] keys = RedisKeys.of(performanceId);
        var redis = connection.sync();
        Map<String, Object> all = new TreeMap<>();
        all.put("state", redis.get(keys[1]));
        all.put("owner", new TreeMap<>(redis.hgetall(keys[2])));
        all.put("runs", redis.zrange(keys[6], 0, -1));
        all.put("maxrun", new TreeMap<>(redis.hgetall(keys[7])));
        all.put("holds", new TreeMap<>(redis.hgetall(keys[8])));
        all.put("expiry", redis.zrangeWithScores(keys[9], 0, -1).toString());
        all.put("ended", redis.zrangeWithScores(keys[10], 0, -1).toString());
        all.put("buyers", new TreeMap<>(redis.hgetall(keys[11])));
        all.put("feed", redis.xrange(keys[12], io.lettuce.core.Range.create("-", "+")).stream().map(StreamMessage::getBody).toList());
        all.put("sales", redis.hgetall(keys[13]).entrySet().stream()
                .map(e -> e.getKey().replaceAll("^call:.*", "call:<id>") + "=" + e.getValue()).sorted().toList());
        all.put("counts", new TreeMap<>(redis.hgetall(keys[14])));
        String text = all.toString();
        for (String holdId : redis.hkeys(keys[8])) {
            text = text.replace(holdId, "<hold>");
        }
        return Map.of("all", text.replace(performanceId, "<performance>").replaceAll("\"token\":\"[0-9a-f]+\"", "\"token\":\"<token>\""));
    }

    @Test
    void manySalesInOneCallAreAnsweredAndAppliedExactlyAsEachInACallOfItsOwn() {
        setUpForSales(perf);
        String twin = twinPerformance();
        assertThat(salesState(twin)).isEqualTo(salesState(perf));
        String now = String.valueOf(clock.instant().toEpochMilli());
        int seats = seatings.seating(perf).layout().size();
        Random random = new Random(11);
        List<List<String>> sales = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            String terminal = List.of("T1", "T2", "").get(random.nextInt(3));
            String saleId = "sale-" + n;
            String orderId = "order-" + (n + 1);
            if (n > 0 && random.nextInt(8) == 0) {
                // the same sale again, or an earlier sale's id or order with other seats
                List<String> earlier = sales.get(random.nextInt(sales.size()));
                switch (random.nextInt(3)) {
                    case 0 -> {
                        sales.add(earlier);
                        continue;
                    }
                    case 1 -> saleId = earlier.get(0);
                    default -> orderId = earlier.get(2);
                }
            }
            StringBuilder csv = new StringBuilder();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                int seat = random.nextInt(50) == 0 ? seats + random.nextInt(3) : random.nextInt(seats);
                csv.append(k == 0 ? "" : ",").append(seat);
            }
            if (random.nextInt(40) == 0) {
                csv.append(',').append(csv.toString().split(",")[0]);
            }
            if (random.nextInt(60) == 0) {
                csv.setLength(0);
            }
            sales.add(List.of(saleId, terminal, orderId, csv.toString(), List.of("BOX_OFFICE", "KIOSK", "").get(random.nextInt(3))));
        }
        String unloaded = TestSeating.performance(4).id();

        List<Object> oneByOne = new ArrayList<>();
        List<Object> unloadedOneByOne = new ArrayList<>();
        for (List<String> sale : sales) {
            String[] args = {now, sale.get(0), sale.get(1), sale.get(2), sale.get(3), sale.get(4)};
            oneByOne.add(RedisHoldStore.await(redis().scripts().run(Script.SELL, RedisKeys.of(perf), args)));
            unloadedOneByOne.add(RedisHoldStore.await(redis().scripts().run(Script.SELL, RedisKeys.of(unloaded), args)));
        }
        List<Object> together = new ArrayList<>();
        List<Object> unloadedTogether = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (int from = 0; from < sales.size(); ) {
            int to = Math.min(sales.size(), from + 1 + random.nextInt(60));
            String call = json.writeValueAsString(sales.subList(from, to));
            together.addAll(RedisHoldStore.await(redis().scripts().run(Script.SELL_MANY, RedisKeys.of(twin), now, call)));
            unloadedTogether.addAll(RedisHoldStore.await(redis().scripts().run(Script.SELL_MANY, RedisKeys.of(unloaded), now, call)));
            from = to;
        }

        assertThat(together).isEqualTo(oneByOne);
        assertThat(unloadedTogether).isEqualTo(unloadedOneByOne);
        assertThat(salesState(twin)).isEqualTo(salesState(perf));
        // the comparison means something: every kind of answer came up
        assertThat(oneByOne.stream().map(reply -> ((List<?>) reply).get(0) + "/" + ((List<?>) reply).get(1).toString().replaceAll("^order-\\d+$", "order")))
                .contains("OK/order", "ERR/CONFLICT", "ERR/UNKNOWN_SEAT", "ERR/INVALID_REQUEST");
        assertThat(oneByOne).anySatisfy(reply -> assertThat((List<?>) reply).element(2).isEqualTo(""));
        assertThat(unloadedOneByOne).allSatisfy(reply -> assertThat((List<?>) reply).element(1).isEqualTo("UNKNOWN_PERFORMANCE"));
        assertThat(store.availability(perf).count(SeatState.SOLD)).isGreaterThan(20);
    }

    @Test
    void journalSalesAppliedTogetherAnswerAsEachAppliedAlone() {
        setUpForSales(perf);
        String twin = twinPerformance();
        SeatLayout layout = seatings.seating(perf).layout();
        Random random = new Random(5);
        List<JournalSale> sales = new ArrayList<>();
        for (int n = 0; n < 2 * RedisHoldStore.SALES_PER_CALL + 50; n++) {
            List<String> seatIds = new ArrayList<>();
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                String seatId = random.nextInt(80) == 0 ? "NOWHERE-" + n : layout.seatId(random.nextInt(layout.size()));
                if (!seatIds.contains(seatId)) {
                    seatIds.add(seatId);
                }
            }
            String saleId = random.nextInt(10) == 0 && n > 0 ? sales.get(random.nextInt(sales.size())).saleId() : "sale-" + n;
            sales.add(new JournalSale(saleId, random.nextBoolean() ? "T1" : "T2", "order-" + n, seatIds,
                    random.nextBoolean() ? Channel.BOX_OFFICE : null));
        }

        List<String> alone = new ArrayList<>();
        for (JournalSale sale : sales) {
            try {
                alone.add("applied " + store.applyJournalSale(perf, sale));
            } catch (SaleConflictException e) {
                alone.add("conflict " + new TreeMap<>(e.conflicts()));
            } catch (com.boxoffice.core.shared.BoxOfficeException e) {
                alone.add(e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        List<String> together = new ArrayList<>();
        for (JournalSaleResult result : redis().applyJournalSalesAsync(twin, sales).join()) {
            if (result.refusal() == null) {
                together.add("applied " + result.orderIdOrThrow());
            } else if (result.refusal() instanceof SaleConflictException e) {
                together.add("conflict " + new TreeMap<>(e.conflicts()));
            } else {
                together.add(result.refusal().getClass().getSimpleName() + " " + result.refusal().getMessage());
            }
        }

        assertThat(together).containsExactlyElementsOf(alone);
        assertThat(salesState(twin)).isEqualTo(salesState(perf));
        assertThat(alone).anyMatch(a -> a.startsWith("applied")).anyMatch(a -> a.startsWith("conflict"))
                .anyMatch(a -> a.startsWith("UnknownSeatException"));
    }

    @Test
    void holdsOfAPerformanceAreFoundTogetherInTheOrderAsked() {
        Hold held = store.hold(window(SeatSelection.seats("STALLS-A-1")));
        Hold sold = store.hold(window(SeatSelection.seats("STALLS-A-2")));
        store.confirm(sold.holdId(), sold.token(), "order-1");
        String unknown = perf + "." + UUID.randomUUID();

        List<Optional<Hold>> found = redis().findHoldsAsync(perf, List.of(sold.holdId(), unknown, held.holdId())).join();

        assertThat(found).containsExactly(redis().findHold(sold.holdId()), Optional.empty(), Optional.of(held));
        assertThat(found.get(0).orElseThrow().orderId()).isEqualTo("order-1");
        assertThatThrownBy(() -> redis().findHoldsAsync(perf, List.of("other." + UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] with(String[] args, int position, String value) {
        String[] changed = args.clone();
        changed[position] = value;
        return changed;
    }
}

package com.boxoffice.core.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import com.boxoffice.core.hold.RedisScripts.Script;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.shared.BoxOfficeException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hold store shared by every terminal and the server: seat state lives in Redis and every
 * change is one Lua script, so each check-and-set is a single atomic step (see {@code lib.lua} for
 * the key layout). Calls from many threads share one connection and are pipelined by Lettuce.
 */
public class RedisHoldStore implements HoldStore {

    /** Owners and buyers are free text, so the load script takes them as JSON. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Journal sales applied per script call: enough to share a call's cost, few enough that one call
     * does not keep Redis from other clients for long (a few milliseconds).
     */
    public static final int SALES_PER_CALL = 200;

    private final RedisScripts scripts;
    private final HoldRules rules;
    private final Duration endedRetention;
    private final int sweepBatch;

    public RedisHoldStore(RedisScripts scripts, Clock clock, PerformanceSeatings seatings, HoldTokens tokens,
                          Duration endedRetention, int sweepBatch) {
        this.scripts = scripts;
        this.rules = new HoldRules(clock, seatings, tokens);
        this.endedRetention = endedRetention;
        this.sweepBatch = sweepBatch;
    }

    @Override
    public List<String> load(String performanceId, List<DurableSeat> durable, Map<String, Integer> buyerSeats) {
        SeatLayout layout = rules.seating(performanceId).layout();
        // A new id per call: a re-sent copy of this very call is answered as the first, a later
        // load with the same seats is a load of its own.
        List<Object> reply = await(scripts.run(Script.LOAD, RedisKeys.of(performanceId),
                loadArguments(performanceId, durable, buyerSeats, UUID.randomUUID().toString())));
        checkOk(reply, layout);
        return csv((String) reply.get(1));
    }

    /** The arguments of the load script for a performance's durable seats and buyer counts. */
    String[] loadArguments(String performanceId, List<DurableSeat> durable, Map<String, Integer> buyerSeats,
                           String loadId) {
        PerformanceSeating seating = rules.seating(performanceId);
        SeatLayout layout = seating.layout();
        int[] indexes = rules.durableIndexes(layout, durable);
        rules.checkBuyerSeats(buyerSeats);
        char[] state = new char[layout.size()];
        Arrays.fill(state, SeatState.AVAILABLE.code());
        Map<String, String> owners = new LinkedHashMap<>();
        for (int i = 0; i < indexes.length; i++) {
            DurableSeat seat = durable.get(i);
            state[indexes[i]] = seat.state().code();
            if (seat.owner() != null && !seat.owner().isEmpty()) {
                owners.put(String.valueOf(indexes[i]), seat.owner());
            }
        }
        return new String[] {millis(rules.now()), loadId, String.valueOf(layout.size()), String.valueOf(seating.maxGroup()),
                layout.flagString(), layout.blockString(), layout.blockSpecs(), new String(state),
                JSON.writeValueAsString(owners), JSON.writeValueAsString(buyerSeats)};
    }

    @Override
    public Hold hold(HoldRequest request) {
        return await(holdAsync(request));
    }

    /** {@link #hold(HoldRequest)} without waiting, for callers that keep many holds in flight. */
    public CompletableFuture<Hold> holdAsync(HoldRequest request) {
        PerformanceSeating seating = rules.seatingToHold(request);
        Performance performance = seating.performance();
        SeatLayout layout = seating.layout();
        List<String> args = new ArrayList<>(14);
        Instant now = rules.now();
        String holdId = rules.tokens().holdId(performance.id(), request.requestId());
        String token = rules.tokens().token(holdId);
        args.add(millis(now));
        args.add(holdId);
        args.add(request.owner());
        args.add(request.buyer() == null ? "" : request.buyer());
        args.add(HoldTokens.hash(token));
        args.add(millis(rules.expiry(performance, request.channel(), now)));
        args.add(request.channel().name());
        args.add(String.valueOf(rules.limit(performance, request.channel())));
        args.add(request.terminalId() == null ? "" : request.terminalId());
        switch (request.selection()) {
            case SeatSelection.Seats seats -> {
                args.add("seats");
                args.add(join(rules.indexes(layout, seats.seatIds())));
            }
            case SeatSelection.BestAvailable best -> {
                rules.checkBestAvailable(seating, best);
                args.add("best");
                args.add(String.valueOf(best.count()));
                args.add(best.category() == null ? "*" : best.category());
                args.add(String.valueOf(best.wheelchairSpaces()));
            }
        }
        return scripts.run(Script.HOLD, RedisKeys.of(performance.id()), args.toArray(String[]::new))
                .thenCompose(reply -> holdOrFailure(reply, performance.id(), token, layout));
    }

    @Override
    public Hold extend(String holdId, String token) {
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        HoldPolicy policy = seating.performance().holds();
        long jitter = policy.jitter().toMillis();
        List<Object> reply = await(scripts.run(Script.EXTEND, RedisKeys.of(seating.performance().id()),
                millis(rules.now()), holdId, HoldTokens.hash(token), String.valueOf(policy.maxExtensions()),
                String.valueOf(policy.boxOffice().toMillis()), String.valueOf(policy.kiosk().toMillis()),
                String.valueOf(policy.online().toMillis()),
                String.valueOf(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1)),
                UUID.randomUUID().toString()));
        return toHold(reply, seating.performance().id(), token, seating.layout());
    }

    @Override
    public Hold release(String holdId, String token) {
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        List<Object> reply = await(scripts.run(Script.RELEASE, RedisKeys.of(seating.performance().id()),
                millis(rules.now()), holdId, HoldTokens.hash(token)));
        return toHold(reply, seating.performance().id(), token, seating.layout());
    }

    @Override
    public Hold confirm(String holdId, String token, String orderId) {
        return await(confirmAsync(holdId, token, orderId));
    }

    /** {@link #confirm(String, String, String)} without waiting. */
    public CompletableFuture<Hold> confirmAsync(String holdId, String token, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidHoldRequestException("An order id is required to confirm a hold");
        }
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        return scripts.run(Script.CONFIRM, RedisKeys.of(seating.performance().id()),
                        millis(rules.now()), holdId, HoldTokens.hash(token), orderId,
                        String.valueOf(seating.performance().perBuyerLimit()))
                .thenCompose(reply -> holdOrFailure(reply, seating.performance().id(), token, seating.layout()));
    }

    @Override
    public SweepResult sweep(String performanceId) {
        rules.seating(performanceId);
        List<Object> reply = await(scripts.run(Script.SWEEP, RedisKeys.of(performanceId),
                millis(rules.now()), String.valueOf(sweepBatch), String.valueOf(endedRetention.toMillis())));
        long next = (Long) reply.get(2);
        return new SweepResult(((Long) reply.get(0)).intValue(), ((Long) reply.get(1)).intValue(),
                next < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next)));
    }

    @Override
    public List<String> block(String performanceId, List<String> seatIds, String reason) {
        return assign(performanceId, "BLOCK", seatIds, reason);
    }

    @Override
    public List<String> unblock(String performanceId, List<String> seatIds) {
        return assign(performanceId, "UNBLOCK", seatIds, "");
    }

    @Override
    public List<String> allocate(String performanceId, List<String> seatIds, String terminalId) {
        return assign(performanceId, "ALLOCATE", seatIds, terminalId);
    }

    @Override
    public List<String> deallocate(String performanceId, List<String> seatIds, String terminalId) {
        return assign(performanceId, "DEALLOCATE", seatIds, terminalId);
    }

    private List<String> assign(String performanceId, String op, List<String> seatIds, String arg) {
        SeatLayout layout = rules.seating(performanceId).layout();
        int[] indexes = rules.indexes(layout, seatIds);
        List<Object> reply = await(scripts.run(Script.ASSIGN, RedisKeys.of(performanceId),
                millis(rules.now()), op, join(indexes), arg == null ? "" : arg, UUID.randomUUID().toString()));
        checkOk(reply, layout);
        return seatIdsOf((String) reply.get(1), layout);
    }

    @Override
    public String applyJournalSale(String performanceId, JournalSale sale) {
        return await(applyJournalSaleAsync(performanceId, sale));
    }

    /**
     * {@link #applyJournalSale(String, JournalSale)} without waiting. The future fails with
     * {@link SaleConflictException} when seats were taken, as the waiting call throws it; bad input
     * is refused before anything is sent.
     */
    public CompletableFuture<String> applyJournalSaleAsync(String performanceId, JournalSale sale) {
        SeatLayout layout = rules.seating(performanceId).layout();
        int[] indexes = rules.indexes(layout, sale.seatIds());
        return scripts.run(Script.SELL, RedisKeys.of(performanceId),
                        millis(rules.now()), sale.saleId(), sale.terminalId(), sale.orderId(), join(indexes),
                        sale.channel() == null ? "" : sale.channel().name())
                .thenCompose(reply -> {
                    JournalSaleResult result = journalSaleResult(reply, layout);
                    return result.refusal() == null ? CompletableFuture.completedFuture(result.orderId())
                            : CompletableFuture.failedFuture(result.refusal());
                });
    }

    /**
     * Applies many journal sales of one performance, each exactly as {@link #applyJournalSale} would
     * (all its seats or none, once per sale id), in the order given: a server reconciling a terminal's
     * batch pays for one script call per {@value #SALES_PER_CALL} sales rather than one per sale. One
     * sale's refusal (seats taken, a seat the venue lacks) is its own and leaves the others to go on.
     * The future fails only when Redis itself does.
     *
     * @return one result per sale, in the order of {@code sales}
     */
    public CompletableFuture<List<JournalSaleResult>> applyJournalSalesAsync(String performanceId, List<JournalSale> sales) {
        SeatLayout layout = rules.seating(performanceId).layout();
        String now = millis(rules.now());
        JournalSaleResult[] results = new JournalSaleResult[sales.size()];
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        List<Integer> positions = new ArrayList<>(Math.min(sales.size(), SALES_PER_CALL));
        List<List<String>> call = new ArrayList<>(Math.min(sales.size(), SALES_PER_CALL));
        for (int k = 0; k < sales.size(); k++) {
            JournalSale sale = sales.get(k);
            int[] indexes;
            try {
                indexes = rules.indexes(layout, sale.seatIds());
            } catch (BoxOfficeException e) {
                results[k] = JournalSaleResult.refused(e);
                continue;
            }
            positions.add(k);
            call.add(List.of(sale.saleId(), sale.terminalId() == null ? "" : sale.terminalId(), sale.orderId(), join(indexes),
                    sale.channel() == null ? "" : sale.channel().name()));
            if (call.size() == SALES_PER_CALL) {
                calls.add(sellMany(performanceId, now, call, positions, results, layout));
                positions = new ArrayList<>(SALES_PER_CALL);
                call = new ArrayList<>(SALES_PER_CALL);
            }
        }
        if (!call.isEmpty()) {
            calls.add(sellMany(performanceId, now, call, positions, results, layout));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> List.of(results));
    }

    private CompletableFuture<Void> sellMany(String performanceId, String now, List<List<String>> call, List<Integer> positions,
                                             JournalSaleResult[] results, SeatLayout layout) {
        return scripts.runBulk(Script.SELL_MANY, RedisKeys.of(performanceId), now, JSON.writeValueAsString(call))
                .thenAccept(replies -> {
                    for (int j = 0; j < positions.size(); j++) {
                        @SuppressWarnings("unchecked")
                        List<Object> reply = (List<Object>) replies.get(j);
                        results[positions.get(j)] = journalSaleResult(reply, layout);
                    }
                });
    }

    /** A sell script's reply to one sale. */
    private static JournalSaleResult journalSaleResult(List<Object> reply, SeatLayout layout) {
        if ("ERR".equals(reply.get(0)) && "CONFLICT".equals(reply.get(1))) {
            Map<String, SeatState> conflicts = new LinkedHashMap<>();
            for (String item : csv((String) reply.get(2))) {
                int cut = item.indexOf(':');
                conflicts.put(layout.seatId(Integer.parseInt(item.substring(0, cut))),
                        SeatState.ofCode(item.charAt(cut + 1)));
            }
            return JournalSaleResult.refused(new SaleConflictException(conflicts));
        }
        if (!"OK".equals(reply.get(0))) {
            return JournalSaleResult.refused(error((String) reply.get(1), (String) reply.get(2), layout));
        }
        return JournalSaleResult.applied((String) reply.get(1));
    }

    /**
     * The hold with this id as the store keeps it (live or ended, until its record is purged after
     * the retention), or empty when there is none. Reads only: a caller that made the hold id from
     * its own request id learns whether an earlier attempt got as far as holding, without holding.
     */
    public Optional<Hold> findHold(String holdId) {
        return await(findHoldAsync(holdId));
    }

    /** {@link #findHold(String)} without waiting. */
    public CompletableFuture<Optional<Hold>> findHoldAsync(String holdId) {
        PerformanceSeating seating;
        try {
            seating = rules.seatingOfHold(holdId);
        } catch (UnknownHoldException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String performanceId = seating.performance().id();
        SeatLayout layout = seating.layout();
        return scripts.connection().async().hget(RedisKeys.of(performanceId)[8], holdId).toCompletableFuture()
                .thenApply(raw -> raw == null ? Optional.<Hold>empty() : Optional.of(holdOfRecord(raw, holdId, performanceId, layout)));
    }

    /**
     * {@link #findHold(String)} for many holds of one performance, in one round trip.
     *
     * @return for each id, in order, the hold as the store keeps it, or empty
     */
    public CompletableFuture<List<Optional<Hold>>> findHoldsAsync(String performanceId, List<String> holdIds) {
        if (holdIds.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        for (String holdId : holdIds) {
            if (!performanceId.equals(HoldTokens.performanceOf(holdId))) {
                throw new IllegalArgumentException("Hold " + holdId + " is not of performance " + performanceId);
            }
        }
        SeatLayout layout = rules.seating(performanceId).layout();
        return scripts.connection().async().hmget(RedisKeys.of(performanceId)[8], holdIds.toArray(String[]::new))
                .toCompletableFuture()
                .thenApply(records -> {
                    List<Optional<Hold>> found = new ArrayList<>(records.size());
                    for (int k = 0; k < records.size(); k++) {
                        String raw = records.get(k).getValueOrElse(null);
                        found.add(raw == null ? Optional.empty() : Optional.of(holdOfRecord(raw, holdIds.get(k), performanceId, layout)));
                    }
                    return found;
                });
    }

    private Hold holdOfRecord(String raw, String holdId, String performanceId, SeatLayout layout) {
        tools.jackson.databind.JsonNode record = JSON.readTree(raw);
        List<String> seats = new ArrayList<>();
        for (tools.jackson.databind.JsonNode index : record.path("seats")) {
            seats.add(layout.seatId(index.asInt()));
        }
        return new Hold(holdId, rules.tokens().token(holdId), performanceId, seats,
                Instant.ofEpochMilli(record.path("expiresAt").asLong()), HoldStatus.valueOf(record.path("status").asString()),
                emptyToNull(record.path("orderId").asString("")));
    }

    @Override
    public List<String> refund(String performanceId, String orderId, List<String> seatIds, String buyer) {
        SeatLayout layout = rules.seating(performanceId).layout();
        int[] indexes = rules.indexes(layout, seatIds);
        List<Object> reply = await(scripts.run(Script.REFUND, RedisKeys.of(performanceId),
                millis(rules.now()), orderId, join(indexes), buyer == null ? "" : buyer, UUID.randomUUID().toString()));
        checkOk(reply, layout);
        return seatIdsOf((String) reply.get(1), layout);
    }

    @Override
    public Availability availability(String performanceId) {
        SeatLayout layout = rules.seating(performanceId).layout();
        List<Object> reply = await(scripts.run(Script.SNAPSHOT, RedisKeys.of(performanceId)));
        if ("ERR".equals(reply.get(0))) {
            checkOk(reply, layout);
        }
        @SuppressWarnings("unchecked")
        List<Object> flat = (List<Object>) reply.get(2);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            counts.put((String) flat.get(i), Long.parseLong((String) flat.get(i + 1)));
        }
        return new Availability(performanceId, (String) reply.get(0), (String) reply.get(1), counts);
    }

    /** The scripts this store runs, for tools that drive them directly (the benchmark). */
    public RedisScripts scripts() {
        return scripts;
    }

    /**
     * The reply as a completed or failed future. A refusal is an expected answer under load, so it
     * fails the future directly rather than being thrown and wrapped on the way.
     */
    private static CompletableFuture<Hold> holdOrFailure(List<Object> reply, String performanceId, String token,
                                                         SeatLayout layout) {
        if (!"OK".equals(reply.get(0))) {
            return CompletableFuture.failedFuture(error((String) reply.get(1), (String) reply.get(2), layout));
        }
        return CompletableFuture.completedFuture(toHold(reply, performanceId, token, layout));
    }

    private static Hold toHold(List<Object> reply, String performanceId, String token, SeatLayout layout) {
        checkOk(reply, layout);
        return new Hold((String) reply.get(1), token, performanceId, seatIdsOf((String) reply.get(3), layout),
                Instant.ofEpochMilli(Long.parseLong((String) reply.get(2))), HoldStatus.valueOf((String) reply.get(4)),
                emptyToNull((String) reply.get(5)));
    }

    private static void checkOk(List<Object> reply, SeatLayout layout) {
        if ("OK".equals(reply.get(0))) {
            return;
        }
        String code = (String) reply.get(1);
        String detail = (String) reply.get(2);
        throw error(code, detail, layout);
    }

    static BoxOfficeException error(String code, String detail, SeatLayout layout) {
        return switch (code) {
            case "UNKNOWN_PERFORMANCE" -> new UnknownPerformanceException(detail);
            case "UNKNOWN_SEAT" -> new UnknownSeatException("No such seat: " + detail);
            case "UNKNOWN_HOLD" -> new UnknownHoldException("No hold " + detail);
            case "WRONG_TOKEN" -> new WrongHoldTokenException("The token does not belong to hold " + detail);
            case "HOLD_ENDED" -> new HoldEndedException("The hold has ended (" + detail + ")");
            case "HOLD_CONFIRMED" -> new HoldConfirmedException("The hold was sold as order " + detail);
            case "HOLD_EXPIRED" -> new HoldExpiredException("The hold ran out", seatIdsOf(detail, layout));
            case "EXTENSION_LIMIT" -> new ExtensionLimitException("A hold may be extended at most " + detail + " times");
            case "NOT_ENOUGH_SEATS" -> new NotEnoughSeatsException("No " + detail + " are free");
            case "LIMIT_EXCEEDED" -> new LimitExceededException("The buyer may take at most " + detail + " more seats");
            case "SEAT_UNAVAILABLE" -> new SeatUnavailableException(seatIdsOf(detail, layout));
            case "DUPLICATE_HOLD_ID" -> new DuplicateHoldIdException("Request id already used for hold " + detail);
            default -> new InvalidHoldRequestException(detail);
        };
    }

    private static List<String> seatIdsOf(String csv, SeatLayout layout) {
        List<String> ids = new ArrayList<>();
        for (String part : csv(csv)) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                ids.add(layout.seatId(Integer.parseInt(part)));
            }
        }
        return ids;
    }

    private static List<String> csv(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static String join(int[] indexes) {
        StringBuilder out = new StringBuilder(indexes.length * 6);
        for (int index : indexes) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(index);
        }
        return out.toString();
    }

    private static String millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Waits for a reply, turning a failed future back into the exception it carries. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}

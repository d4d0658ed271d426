package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.sql.DataSource;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;

/**
 * The hold store of one terminal selling on its own while it has no connection. A box office must
 * keep selling when the network is down, and still never sell a seat twice, so the terminal runs
 * the same contract as {@link RedisHoldStore}, rule for rule, without a server.
 *
 * <p>Each performance lives in memory (a {@link LocalSeatMap}) and every call takes that
 * performance's lock, which makes each call atomic as a Lua script is on Redis. A call first works
 * out its whole change without touching anything, writes it to the database in one transaction and
 * only after the commit applies it to memory: so what the terminal has answered is always on disk,
 * and a write that fails changes nothing anyone can see. A new store over the same database (after a
 * restart or a crash) reads each performance back on first use and finds exactly the same seats,
 * holds, buyer counts and applied sales; tokens keep working as long as the {@link HoldTokens}
 * secret is the same.
 *
 * <p>The tables come from the Flyway migration {@code V5__local_hold_store.sql}. On H2 the store
 * turns the write delay off, so that a commit is in the file, not only in H2's memory, when a call
 * returns: a killed process then loses nothing it has answered.
 */
public class LocalHoldStore implements HoldStore {

    private final LocalHoldTables tables;
    private final HoldRules rules;
    private final Duration endedRetention;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** One performance's lock and, once read or loaded, its seats. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        LocalSeatMap seats;
    }

    /**
     * @param dataSource     the terminal's database, migrated with {@code V5__local_hold_store.sql}
     * @param endedRetention how long records of ended holds are kept for repeated calls before a
     *                       sweep forgets them
     */
    public LocalHoldStore(DataSource dataSource, Clock clock, PerformanceSeatings seatings, HoldTokens tokens,
                          Duration endedRetention) {
        this.tables = new LocalHoldTables(dataSource);
        tables.requireDurableCommits();
        this.rules = new HoldRules(clock, seatings, tokens);
        this.endedRetention = endedRetention;
    }

    @Override
    public List<String> load(String performanceId, List<DurableSeat> durable, Map<String, Integer> buyerSeats) {
        PerformanceSeating seating = rules.seating(performanceId);
        SeatLayout layout = seating.layout();
        int[] indexes = rules.durableIndexes(layout, durable);
        rules.checkBuyerSeats(buyerSeats);
        LocalSeatMap fresh = new LocalSeatMap(seating);
        for (int i = 0; i < indexes.length; i++) {
            DurableSeat seat = durable.get(i);
            fresh.restoreSeat(indexes[i], (byte) seat.state().code(), seat.owner());
            if (seat.state() == SeatState.SOLD && seat.owner() != null && !seat.owner().isEmpty()) {
                // durable seats do not say who sold them: the order stays on the unknown tally
                fresh.restoreSale(SalesTally.ORDER_PREFIX + seat.owner(), SalesTally.UNKNOWN_ORIGIN);
            }
        }
        buyerSeats.forEach(fresh::restoreBuyer);
        fresh.restored();
        return locked(performanceId, slot -> {
            List<String> dropped;
            long feedSeq;
            if (slot.seats != null) {
                dropped = slot.seats.liveHoldIds();
                feedSeq = slot.seats.feedSeq();
            } else {
                LocalSeatMap stored = readOrNull(slot, seating, true);
                dropped = stored == null ? tables.liveHoldIds(performanceId) : stored.liveHoldIds();
                feedSeq = stored == null ? 0 : stored.feedSeq();
            }
            fresh.restoreFeedSeq(feedSeq + 1);
            try {
                tables.replace(fresh, now());
            } catch (HoldStorageException e) {
                slot.seats = null;
                throw e;
            }
            slot.seats = fresh;
            return dropped;
        });
    }

    @Override
    public Hold hold(HoldRequest request) {
        PerformanceSeating seating = rules.seatingToHold(request);
        Performance performance = seating.performance();
        SeatLayout layout = seating.layout();
        int[] explicit = null;
        SeatSelection.BestAvailable best = null;
        switch (request.selection()) {
            case SeatSelection.Seats seats -> explicit = rules.indexes(layout, seats.seatIds());
            case SeatSelection.BestAvailable b -> {
                rules.checkBestAvailable(seating, b);
                best = b;
            }
        }
        String holdId = rules.tokens().holdId(performance.id(), request.requestId());
        String token = rules.tokens().token(holdId);
        String tokenHash = HoldTokens.hash(token);
        String buyer = emptyToNull(request.buyer());
        String terminal = emptyToNull(request.terminalId());
        int[] wanted = explicit;
        SeatSelection.BestAvailable bestWanted = best;
        return locked(performance.id(), slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            long now = now();
            LocalHoldRecord existing = seats.hold(holdId);
            if (existing != null) {
                if (!tokenMatches(existing, tokenHash)) {
                    throw new DuplicateHoldIdException("Request id already used for hold " + holdId);
                }
                if (existing.status() == HoldStatus.HELD || existing.status() == HoldStatus.CONFIRMED) {
                    return existing.toHold(token, performance.id(), layout);
                }
                throw new HoldEndedException("The hold has ended (" + existing.status() + ")");
            }
            int[] chosen;
            if (wanted != null) {
                List<String> taken = new ArrayList<>();
                for (int seat : wanted) {
                    byte state = seats.state(seat);
                    boolean free = state == LocalSeatMap.FREE || (state == LocalSeatMap.ALLOCATED && terminal != null
                            && terminal.equals(seats.owner(seat)));
                    if (!free) {
                        taken.add(layout.seatId(seat));
                    }
                }
                if (!taken.isEmpty()) {
                    throw new SeatUnavailableException(taken);
                }
                chosen = wanted;
            } else {
                chosen = seats.bestAvailable(bestWanted.count(), bestWanted.category(), bestWanted.wheelchairSpaces());
                if (chosen == null) {
                    throw new NotEnoughSeatsException("No " + bestWanted.count() + " together in "
                            + (bestWanted.category() == null ? "*" : bestWanted.category()) + " are free");
                }
            }
            int limit = rules.limit(performance, request.channel());
            if (limit > 0 && buyer != null) {
                int already = seats.buyerSeats(buyer);
                if (already + chosen.length > limit) {
                    throw new LimitExceededException("The buyer may take at most " + (limit - already) + " more seats");
                }
            }
            LocalChange change = new LocalChange(seats);
            byte[] previous = new byte[chosen.length];
            for (int j = 0; j < chosen.length; j++) {
                previous[j] = seats.state(chosen[j]);
                change.setSeat(chosen[j], LocalSeatMap.HELD, holdId);
            }
            change.buyerAdd(buyer, chosen.length);
            long expiresAt = rules.expiry(performance, request.channel(), Instant.ofEpochMilli(now)).toEpochMilli();
            LocalHoldRecord hold = new LocalHoldRecord(holdId, HoldStatus.HELD, request.owner(), buyer, tokenHash,
                    request.channel(), terminal, chosen.clone(), previous, now, expiresAt, 0, null, null);
            change.putHold(hold);
            change.feed();
            commit(slot, change);
            return hold.toHold(token, performance.id(), layout);
        });
    }

    /** True when the performance's seats were loaded into this store (now or before a restart). */
    public boolean knowsPerformance(String performanceId) {
        PerformanceSeating seating;
        try {
            seating = rules.seating(performanceId);
        } catch (UnknownPerformanceException e) {
            return false;
        }
        return locked(performanceId, slot -> readOrNull(slot, seating, true) != null);
    }

    /** True when the hold was made in this store (it may have ended since); never throws for unknown ids. */
    public boolean knowsHold(String holdId) {
        PerformanceSeating seating;
        try {
            seating = rules.seatingOfHold(holdId);
        } catch (UnknownHoldException e) {
            return false;
        }
        return locked(seating.performance().id(), slot -> {
            LocalSeatMap seats = readOrNull(slot, seating, true);
            return seats != null && seats.hold(holdId) != null;
        });
    }

    @Override
    public Hold extend(String holdId, String token) {
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        Performance performance = seating.performance();
        return locked(performance.id(), slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            long now = now();
            LocalHoldRecord hold = ownHold(seats, holdId, token);
            if (hold.status() != HoldStatus.HELD) {
                throw new HoldEndedException("The hold has ended (" + hold.status() + ")");
            }
            if (hold.expiresAt() <= now) {
                throw new HoldExpiredException("The hold ran out", List.of());
            }
            int max = performance.holds().maxExtensions();
            if (hold.extensions() >= max) {
                throw new ExtensionLimitException("A hold may be extended at most " + max + " times");
            }
            long until = rules.expiry(performance, hold.channel(), Instant.ofEpochMilli(now)).toEpochMilli();
            LocalHoldRecord extended = hold.extendedTo(Math.max(hold.expiresAt(), until));
            LocalChange change = new LocalChange(seats);
            change.putHold(extended);
            commit(slot, change);
            return extended.toHold(token, performance.id(), seating.layout());
        });
    }

    @Override
    public Hold release(String holdId, String token) {
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        String performanceId = seating.performance().id();
        return locked(performanceId, slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            long now = now();
            LocalHoldRecord hold = ownHold(seats, holdId, token);
            if (hold.status() == HoldStatus.CONFIRMED) {
                throw new HoldConfirmedException("The hold was sold as order " + hold.orderId());
            }
            if (hold.status() != HoldStatus.HELD) {
                return hold.toHold(token, performanceId, seating.layout());
            }
            LocalChange change = new LocalChange(seats);
            LocalHoldRecord released = endHold(change, hold, HoldStatus.RELEASED, now);
            commit(slot, change);
            return released.toHold(token, performanceId, seating.layout());
        });
    }

    @Override
    public Hold confirm(String holdId, String token, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidHoldRequestException("An order id is required to confirm a hold");
        }
        PerformanceSeating seating = rules.seatingOfHold(holdId);
        Performance performance = seating.performance();
        SeatLayout layout = seating.layout();
        return locked(performance.id(), slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            long now = now();
            LocalHoldRecord hold = ownHold(seats, holdId, token);
            if (hold.status() == HoldStatus.CONFIRMED) {
                return hold.toHold(token, performance.id(), layout);
            }
            if (hold.status() == HoldStatus.RELEASED) {
                throw new HoldEndedException("The hold has ended (RELEASED)");
            }
            LocalChange change = new LocalChange(seats);
            if (hold.status() == HoldStatus.EXPIRED) {
                // Payment outran the sweep: the sale stands if nobody has taken the seats since.
                List<String> taken = new ArrayList<>();
                int[] held = hold.seats();
                for (int j = 0; j < held.length; j++) {
                    byte state = seats.state(held[j]);
                    boolean free = state == LocalSeatMap.FREE || (state == LocalSeatMap.ALLOCATED
                            && hold.previous()[j] == LocalSeatMap.ALLOCATED && hold.terminal() != null
                            && hold.terminal().equals(seats.owner(held[j])));
                    if (!free) {
                        taken.add(layout.seatId(held[j]));
                    }
                }
                if (!taken.isEmpty()) {
                    throw new HoldExpiredException("The hold ran out", taken);
                }
                int limit = performance.perBuyerLimit();
                if (limit > 0 && hold.buyer() != null && hold.channel() != Channel.BOX_OFFICE) {
                    int already = seats.buyerSeats(hold.buyer());
                    if (already + held.length > limit) {
                        throw new LimitExceededException("The buyer may take at most " + (limit - already) + " more seats");
                    }
                }
                change.buyerAdd(hold.buyer(), held.length);
            }
            change.claimOrigin(orderId, hold.channel(), hold.terminal());
            for (int seat : hold.seats()) {
                change.setSeat(seat, LocalSeatMap.SOLD, orderId);
            }
            LocalHoldRecord sold = hold.confirmed(orderId, now);
            change.putHold(sold);
            change.feed();
            commit(slot, change);
            return sold.toHold(token, performance.id(), layout);
        });
    }

    @Override
    public SweepResult sweep(String performanceId) {
        PerformanceSeating seating = rules.seating(performanceId);
        return locked(performanceId, slot -> {
            LocalSeatMap seats = readOrNull(slot, seating, false);
            if (seats == null) {
                return new SweepResult(0, 0, Optional.empty());
            }
            long now = now();
            LocalChange change = new LocalChange(seats);
            int expired = 0;
            for (LocalHoldRecord hold : seats.dueAt(now)) {
                endHold(change, hold, HoldStatus.EXPIRED, now);
                expired++;
            }
            int purged = 0;
            for (String holdId : seats.endedBy(now - endedRetention.toMillis())) {
                change.purge(holdId);
                purged++;
            }
            commit(slot, change);
            return new SweepResult(expired, purged, seats.nextDue().map(Instant::ofEpochMilli));
        });
    }

    @Override
    public List<String> block(String performanceId, List<String> seatIds, String reason) {
        return assign(performanceId, seatIds, LocalSeatMap.FREE, LocalSeatMap.BLOCKED, reason, "a reason is required");
    }

    @Override
    public List<String> unblock(String performanceId, List<String> seatIds) {
        return assign(performanceId, seatIds, LocalSeatMap.BLOCKED, LocalSeatMap.FREE, null, null);
    }

    @Override
    public List<String> allocate(String performanceId, List<String> seatIds, String terminalId) {
        return assign(performanceId, seatIds, LocalSeatMap.FREE, LocalSeatMap.ALLOCATED, terminalId,
                "a terminal is required");
    }

    @Override
    public List<String> deallocate(String performanceId, List<String> seatIds, String terminalId) {
        return assign(performanceId, seatIds, LocalSeatMap.ALLOCATED, LocalSeatMap.FREE, terminalId,
                "a terminal is required");
    }

    /**
     * Moves seats from one state to another, all or none; seats already where they should be are
     * left alone, so repeating the call changes nothing. Allocated seats belong to one terminal:
     * only it may have them deallocated.
     */
    private List<String> assign(String performanceId, List<String> seatIds, byte from, byte to, String arg,
                                String argMissing) {
        PerformanceSeating seating = rules.seating(performanceId);
        SeatLayout layout = seating.layout();
        int[] indexes = rules.indexes(layout, seatIds);
        String value = emptyToNull(arg);
        return locked(performanceId, slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            if (argMissing != null && value == null) {
                throw new InvalidHoldRequestException(argMissing);
            }
            List<Integer> change = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (int seat : indexes) {
                byte state = seats.state(seat);
                String owner = seats.owner(seat);
                if (state == to && (to != LocalSeatMap.ALLOCATED || value.equals(owner))) {
                    continue;
                }
                if (state == from && (from != LocalSeatMap.ALLOCATED || value.equals(owner))) {
                    change.add(seat);
                } else {
                    refused.add(layout.seatId(seat));
                }
            }
            if (!refused.isEmpty()) {
                throw new SeatUnavailableException(refused);
            }
            LocalChange pending = new LocalChange(seats);
            String owner = to == LocalSeatMap.BLOCKED || to == LocalSeatMap.ALLOCATED ? value : null;
            List<String> changed = new ArrayList<>(change.size());
            for (int seat : change) {
                pending.setSeat(seat, to, owner);
                changed.add(layout.seatId(seat));
            }
            if (!change.isEmpty()) {
                pending.feed();
            }
            commit(slot, pending);
            return changed;
        });
    }

    @Override
    public String applyJournalSale(String performanceId, JournalSale sale) {
        PerformanceSeating seating = rules.seating(performanceId);
        SeatLayout layout = seating.layout();
        int[] indexes = rules.indexes(layout, sale.seatIds());
        if (sale.saleId() == null || sale.orderId() == null) {
            throw new InvalidHoldRequestException("A journal sale needs a sale id and an order id");
        }
        return locked(performanceId, slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            String applied = seats.appliedSale(sale.saleId());
            if (applied != null) {
                return applied;
            }
            Map<String, SeatState> conflicts = new LinkedHashMap<>();
            int own = 0;
            for (int seat : indexes) {
                byte state = seats.state(seat);
                boolean free = state == LocalSeatMap.FREE || (state == LocalSeatMap.ALLOCATED
                        && sale.terminalId() != null && sale.terminalId().equals(seats.owner(seat)));
                if (!free) {
                    conflicts.put(layout.seatId(seat), SeatState.ofCode((char) state));
                    if (state == LocalSeatMap.SOLD && sale.orderId().equals(seats.owner(seat))) {
                        own++;
                    }
                }
            }
            if (own == indexes.length) {
                // Applied before a load forgot the applied sales: the seats still say so.
                LocalChange change = new LocalChange(seats);
                change.recordSale(sale.saleId(), sale.orderId());
                commit(slot, change);
                return sale.orderId();
            }
            if (!conflicts.isEmpty()) {
                throw new SaleConflictException(conflicts);
            }
            LocalChange change = new LocalChange(seats);
            change.claimOrigin(sale.orderId(), sale.channel(), sale.terminalId());
            for (int seat : indexes) {
                change.setSeat(seat, LocalSeatMap.SOLD, sale.orderId());
            }
            change.recordSale(sale.saleId(), sale.orderId());
            change.feed();
            commit(slot, change);
            return sale.orderId();
        });
    }

    @Override
    public List<String> refund(String performanceId, String orderId, List<String> seatIds, String buyer) {
        PerformanceSeating seating = rules.seating(performanceId);
        SeatLayout layout = seating.layout();
        int[] indexes = rules.indexes(layout, seatIds);
        return locked(performanceId, slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            LocalChange change = new LocalChange(seats);
            List<String> freed = new ArrayList<>();
            for (int seat : indexes) {
                if (seats.state(seat) == LocalSeatMap.SOLD && orderId != null && orderId.equals(seats.owner(seat))) {
                    change.setSeat(seat, LocalSeatMap.FREE, null);
                    freed.add(layout.seatId(seat));
                }
            }
            if (!freed.isEmpty()) {
                change.buyerAdd(emptyToNull(buyer), -freed.size());
                change.feed();
            }
            commit(slot, change);
            return freed;
        });
    }

    @Override
    public Availability availability(String performanceId) {
        PerformanceSeating seating = rules.seating(performanceId);
        return locked(performanceId, slot -> {
            LocalSeatMap seats = loaded(slot, seating);
            return new Availability(performanceId, seats.states(), seats.feedSeq() + "-0", seats.counts());
        });
    }

    // --- the steps every call shares ---

    /** Runs one call under its performance's lock, so calls on one performance never interleave. */
    private <T> T locked(String performanceId, Function<Slot, T> work) {
        Slot slot = slots.computeIfAbsent(performanceId, id -> new Slot());
        slot.lock.lock();
        try {
            return work.apply(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    /** The performance's seats, read back from the database on first use; refused when never loaded. */
    private LocalSeatMap loaded(Slot slot, PerformanceSeating seating) {
        LocalSeatMap seats = readOrNull(slot, seating, false);
        if (seats == null) {
            throw new UnknownPerformanceException("Seats of performance " + seating.performance().id() + " are not loaded");
        }
        return seats;
    }

    /**
     * The performance's seats, or null when they were never loaded here.
     *
     * @param tolerateMismatch answer null rather than fail when the stored seats no longer match the
     *                         venue (a load is about to replace them)
     */
    private LocalSeatMap readOrNull(Slot slot, PerformanceSeating seating, boolean tolerateMismatch) {
        if (slot.seats == null) {
            try {
                slot.seats = tables.read(seating);
            } catch (UnknownPerformanceException e) {
                if (tolerateMismatch) {
                    return null;
                }
                throw e;
            }
        }
        return slot.seats;
    }

    /**
     * Writes a change, then shows it. Should the write fail, the memory is dropped as well and read
     * back on the next call, so memory can never run ahead of (or behind) the database.
     */
    private void commit(Slot slot, LocalChange change) {
        if (change.isEmpty()) {
            return;
        }
        try {
            tables.write(change.base().seating().performance().id(), change);
        } catch (RuntimeException e) {
            slot.seats = null;
            throw e;
        }
        change.base().apply(change);
    }

    /**
     * Gives a live hold's seats back to what they were before it (free, or allocated to its
     * terminal) and ends it with the given status.
     */
    private static LocalHoldRecord endHold(LocalChange change, LocalHoldRecord hold, HoldStatus status, long now) {
        int[] held = hold.seats();
        boolean freedAny = false;
        for (int j = 0; j < held.length; j++) {
            int seat = held[j];
            if (change.state(seat) == LocalSeatMap.HELD && hold.id().equals(change.owner(seat))) {
                if (hold.previous()[j] == LocalSeatMap.ALLOCATED) {
                    change.setSeat(seat, LocalSeatMap.ALLOCATED, hold.terminal());
                } else {
                    change.setSeat(seat, LocalSeatMap.FREE, null);
                }
                freedAny = true;
            }
        }
        change.buyerAdd(hold.buyer(), -held.length);
        if (freedAny) {
            change.feed();
        }
        LocalHoldRecord ended = hold.ended(status, now);
        change.putHold(ended);
        return ended;
    }

    private static LocalHoldRecord ownHold(LocalSeatMap seats, String holdId, String token) {
        LocalHoldRecord hold = seats.hold(holdId);
        if (hold == null) {
            throw new UnknownHoldException("No hold " + holdId);
        }
        if (token == null || !tokenMatches(hold, HoldTokens.hash(token))) {
            throw new WrongHoldTokenException("The token does not belong to hold " + holdId);
        }
        return hold;
    }

    private static boolean tokenMatches(LocalHoldRecord hold, String tokenHash) {
        return MessageDigest.isEqual(hold.tokenHash().getBytes(StandardCharsets.US_ASCII),
                tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    private long now() {
        return rules.now().toEpochMilli();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

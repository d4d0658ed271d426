package com.boxoffice.core.hold;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.boxoffice.core.performance.Channel;

/**
 * One call's changes to a performance, collected before anything is changed: first written to the
 * database in one transaction, then, once committed, applied to the {@link LocalSeatMap}. Reads
 * through it see the seat map as the change would leave it, so a call that touches several holds
 * (a sweep) builds on its own earlier steps.
 */
final class LocalChange {

    /** A seat's new state and owner. */
    record SeatWrite(byte state, String owner) {
    }

    private final LocalSeatMap base;
    private final Map<Integer, SeatWrite> seats = new LinkedHashMap<>();
    private final Map<String, LocalHoldRecord> holds = new LinkedHashMap<>();
    private final Set<String> purged = new LinkedHashSet<>();
    private final Map<String, Integer> buyers = new LinkedHashMap<>();
    private final Map<String, String> sales = new LinkedHashMap<>();
    private int feedEntries;

    LocalChange(LocalSeatMap base) {
        this.base = base;
    }

    LocalSeatMap base() {
        return base;
    }

    byte state(int seat) {
        SeatWrite write = seats.get(seat);
        return write == null ? base.state(seat) : write.state();
    }

    String owner(int seat) {
        SeatWrite write = seats.get(seat);
        return write == null ? base.owner(seat) : write.owner();
    }

    void setSeat(int seat, byte state, String owner) {
        seats.put(seat, new SeatWrite(state, owner == null || owner.isEmpty() ? null : owner));
    }

    int buyerSeats(String buyer) {
        Integer pending = buyers.get(buyer);
        return pending == null ? base.buyerSeats(buyer) : pending;
    }

    /** Adds to (or with a negative n, takes from) a buyer's seats; no buyer, no count. */
    void buyerAdd(String buyer, int n) {
        if (buyer == null || buyer.isEmpty()) {
            return;
        }
        buyers.put(buyer, Math.max(0, buyerSeats(buyer) + n));
    }

    void putHold(LocalHoldRecord hold) {
        holds.put(hold.id(), hold);
    }

    void purge(String holdId) {
        holds.remove(holdId);
        purged.add(holdId);
    }

    void recordSale(String saleId, String orderId) {
        sales.put(saleId, orderId);
    }

    /**
     * Makes sure an order has a tally to count its seats under before they are sold: the one it
     * has, or the given channel and terminal (as {@code claim_origin} in {@code lib.lua}).
     */
    void claimOrigin(String orderId, Channel channel, String terminalId) {
        if (orderId == null || orderId.isEmpty()) {
            return;
        }
        String field = SalesTally.ORDER_PREFIX + orderId;
        if (!sales.containsKey(field) && base.recordedOrigin(orderId) == null) {
            sales.put(field, SalesTally.origin(channel, terminalId));
        }
    }

    /** Counts one entry of the change feed, as the Redis store appends one to its stream. */
    void feed() {
        feedEntries++;
    }

    boolean isEmpty() {
        return seats.isEmpty() && holds.isEmpty() && purged.isEmpty() && buyers.isEmpty() && sales.isEmpty()
                && feedEntries == 0;
    }

    Map<Integer, SeatWrite> seatWrites() {
        return seats;
    }

    Map<String, LocalHoldRecord> holdWrites() {
        return holds;
    }

    Set<String> purged() {
        return purged;
    }

    Map<String, Integer> buyerWrites() {
        return buyers;
    }

    Map<String, String> saleWrites() {
        return sales;
    }

    int feedEntries() {
        return feedEntries;
    }
}

package com.boxoffice.core.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;

/**
 * The rules every hold store applies before it touches a seat, so that both stores refuse the same
 * bad input with the same error: seat ids checked against the venue, counts in range, hold time and
 * jitter per channel, and where the per-buyer limit applies.
 */
final class HoldRules {

    private final Clock clock;
    private final PerformanceSeatings seatings;
    private final HoldTokens tokens;

    HoldRules(Clock clock, PerformanceSeatings seatings, HoldTokens tokens) {
        this.clock = clock;
        this.seatings = seatings;
        this.tokens = tokens;
    }

    Instant now() {
        return clock.instant();
    }

    HoldTokens tokens() {
        return tokens;
    }

    PerformanceSeating seating(String performanceId) {
        if (performanceId == null) {
            throw new UnknownPerformanceException("No performance given");
        }
        return seatings.seating(performanceId);
    }

    /**
     * The seating a new hold is for, once the performance is on sale through its channel: online
     * and kiosks only within the sale window; the box office also before it opens (presales, house
     * seats), never after it closes.
     */
    PerformanceSeating seatingToHold(HoldRequest request) {
        PerformanceSeating seating = seating(request.performanceId());
        Performance performance = seating.performance();
        Instant now = now();
        boolean open = request.channel() == Channel.BOX_OFFICE
                ? now.isBefore(performance.saleCloses())
                : performance.onSaleAt(now);
        if (!open) {
            throw new NotOnSaleException(now.isBefore(performance.saleOpens())
                    ? "Sales for " + performance.title() + " open at " + performance.saleOpens()
                    : "Sales for " + performance.title() + " closed at " + performance.saleCloses());
        }
        return seating;
    }

    /** The seating a hold id belongs to; an id that names no performance is an unknown hold. */
    PerformanceSeating seatingOfHold(String holdId) {
        String performanceId = HoldTokens.performanceOf(holdId);
        if (performanceId == null) {
            throw new UnknownHoldException("No hold " + holdId);
        }
        try {
            return seatings.seating(performanceId);
        } catch (UnknownPerformanceException e) {
            throw new UnknownHoldException("No hold " + holdId);
        }
    }

    /** Seat indexes of the given ids; refuses empty lists, repeats and seats the venue lacks. */
    int[] indexes(SeatLayout layout, List<String> seatIds) {
        if (seatIds == null || seatIds.isEmpty()) {
            throw new InvalidHoldRequestException("No seats given");
        }
        int[] out = new int[seatIds.size()];
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            String id = seatIds.get(i);
            if (!seen.add(id)) {
                throw new InvalidHoldRequestException("Seat " + id + " is listed twice");
            }
            out[i] = layout.indexOf(id);
            if (out[i] < 0) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSeatException("No such seat: " + String.join(", ", unknown));
        }
        return out;
    }

    /**
     * Seat indexes of a durable list, in its order: every seat must be in the venue and none may be
     * named twice, since a seat has one state and a list that gives it two leaves its state to chance.
     */
    int[] durableIndexes(SeatLayout layout, List<DurableSeat> durable) {
        int[] out = new int[durable.size()];
        boolean[] seen = new boolean[layout.size()];
        for (int i = 0; i < out.length; i++) {
            String id = durable.get(i).seatId();
            int index = layout.indexOf(id);
            if (index < 0) {
                throw new UnknownSeatException("No such seat: " + id);
            }
            if (seen[index]) {
                throw new InvalidHoldRequestException("Seat " + id + " is listed twice in the durable seats");
            }
            seen[index] = true;
            out[i] = index;
        }
        return out;
    }

    /** Refuses buyer counts a load cannot keep: a buyer without a name, or no or a negative count. */
    void checkBuyerSeats(Map<String, Integer> buyerSeats) {
        for (Map.Entry<String, Integer> buyer : buyerSeats.entrySet()) {
            if (buyer.getKey() == null || buyer.getKey().isEmpty()) {
                throw new InvalidHoldRequestException("A buyer count names no buyer");
            }
            if (buyer.getValue() == null || buyer.getValue() < 0) {
                throw new InvalidHoldRequestException("Buyer " + buyer.getKey() + " has " + buyer.getValue() + " seats");
            }
        }
    }

    void checkBestAvailable(PerformanceSeating seating, SeatSelection.BestAvailable best) {
        int max = seating.maxGroup();
        if (best.count() < 1 || best.count() > max) {
            throw new InvalidHoldRequestException("Best available finds 1 to " + max + " seats together, not " + best.count());
        }
        if (best.wheelchairSpaces() < 0 || best.wheelchairSpaces() > best.count()) {
            throw new InvalidHoldRequestException("Wheelchair spaces must be between 0 and the number of seats");
        }
        if (best.category() != null && !seating.performance().tiersByCategory().containsKey(best.category())) {
            throw new InvalidHoldRequestException("Performance " + seating.performance().id() + " has no price tier " + best.category());
        }
    }

    /** Expiry of a hold placed now: the channel's hold time plus a random share of the jitter. */
    Instant expiry(Performance performance, Channel channel, Instant now) {
        Duration ttl = performance.holds().ttl(channel);
        long jitter = performance.holds().jitter().toMillis();
        long extra = jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1);
        return now.plus(ttl).plusMillis(extra);
    }

    /** Seats one buyer may have; 0 means no limit (a clerk selling to a group at the window). */
    int limit(Performance performance, Channel channel) {
        return channel == Channel.BOX_OFFICE ? 0 : performance.perBuyerLimit();
    }

    static List<String> seatIds(SeatLayout layout, int[] indexes) {
        List<String> ids = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            ids.add(layout.seatId(index));
        }
        return ids;
    }
}

package com.boxoffice.server.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStatus;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.JournalSaleResult;
import com.boxoffice.core.hold.NotEnoughSeatsException;
import com.boxoffice.core.hold.NotOnSaleException;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.SaleConflictException;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.shared.BoxOfficeException;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.sync.Batch.Outcome;

/**
 * The Redis half of reconciling uploaded sales: each sale's seats are sold in the live seat state
 * through the core, all of a sale's seats or none. A sale whose seats were taken meanwhile keeps
 * the first buyer's sale and re-seats the terminal's buyer: the best equivalent free seats in the
 * same categories, as many, together when possible, held and confirmed under the buyer's order.
 * When there are not enough, the sale is due a refund.
 *
 * <p>Every step is safe to repeat, so a replay after a crash (before the database write) finishes
 * the job without taking seats twice: the journal sale is idempotent by sale id, and the re-seat
 * hold's id is made from the sale id, so a replay finds the hold an earlier attempt made (confirmed
 * or not) before it tries the original seats again. It looks first because the original seats may
 * have been freed since the earlier attempt re-seated the buyer; selling them as well would take
 * two sets of seats for one sale.
 *
 * <p>A batch's sales go to Redis many per call and every performance's calls are sent without
 * waiting for each other's answers, so a batch costs about one round trip to Redis per step, not
 * one per sale.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** Re-seat attempts per sale: another is made only when an earlier hold ended unconfirmed. */
    private static final int RESEAT_ATTEMPTS = 3;
    /** Picks of scattered seats tried when others keep taking them first. */
    private static final int PICKS = 3;

    private final RedisHoldStore holds;
    private final HoldTokens tokens;
    private final CatalogSeatings catalog;
    private final SeatStates seatStates;

    Reconciler(RedisHoldStore holds, HoldTokens tokens, CatalogSeatings catalog, SeatStates seatStates) {
        this.holds = holds;
        this.tokens = tokens;
        this.catalog = catalog;
        this.seatStates = seatStates;
    }

    /** The id of a sale's n-th re-seat hold: the same on every replay, on every server. */
    String reseatHoldId(SaleWork work, int attempt) {
        return tokens.holdId(work.sale.performanceId(), reseatRequestId(work, attempt));
    }

    private static String reseatRequestId(SaleWork work, int attempt) {
        return "reseat:" + work.sale.saleId() + ":" + attempt;
    }

    static String conflictId(String saleId) {
        return NameIds.of("conflict/" + saleId);
    }

    /** Settles every sale in Redis; each gets an outcome and the seats its buyer holds. */
    void reconcile(String terminalId, List<SaleWork> works) {
        Map<String, List<SaleWork>> byPerformance = new LinkedHashMap<>();
        works.forEach(w -> byPerformance.computeIfAbsent(w.sale.performanceId(), p -> new ArrayList<>()).add(w));
        byPerformance.keySet().forEach(seatStates::ensureLoaded);

        // 1. an earlier attempt's re-seat hold, if any: one look-up per performance
        Map<String, CompletableFuture<List<Optional<Hold>>>> found = new LinkedHashMap<>();
        byPerformance.forEach((performanceId, sales) -> found.put(performanceId, holds.findHoldsAsync(performanceId,
                sales.stream().map(w -> reseatHoldId(w, 1)).toList())));
        Map<SaleWork, Hold> reseatAgain = new LinkedHashMap<>();
        Map<String, List<SaleWork>> toSell = new LinkedHashMap<>();
        Map<String, CompletableFuture<List<JournalSaleResult>>> sold = new LinkedHashMap<>();
        byPerformance.forEach((performanceId, sales) -> {
            List<Optional<Hold>> earlier = join(found.get(performanceId));
            List<SaleWork> selling = new ArrayList<>(sales.size());
            for (int i = 0; i < sales.size(); i++) {
                if (earlier.get(i).isEmpty()) {
                    selling.add(sales.get(i));
                } else {
                    reseatAgain.put(sales.get(i), earlier.get(i).get());
                }
            }
            // 2. the seats the terminal sold, many sales per call, every performance's calls in flight at once
            toSell.put(performanceId, selling);
            sold.put(performanceId, sellAll(terminalId, performanceId, selling));
        });
        List<SaleWork> conflicts = new ArrayList<>();
        toSell.forEach((performanceId, selling) -> {
            List<JournalSaleResult> results = join(sold.get(performanceId));
            List<SaleWork> lost = new ArrayList<>();
            for (int i = 0; i < selling.size(); i++) {
                SaleWork work = selling.get(i);
                try {
                    settleSold(work, results.get(i).orderIdOrThrow());
                } catch (UnknownPerformanceException e) {
                    lost.add(work);
                } catch (SaleConflictException e) {
                    work.taken = e.conflicts();
                    conflicts.add(work);
                } catch (BoxOfficeException e) {
                    work.reject(e.getMessage(), true);
                }
            }
            if (!lost.isEmpty()) {
                // Redis lost the performance since it was loaded: load it from the database, once more
                seatStates.reload(performanceId);
                List<JournalSaleResult> again = join(sellAll(terminalId, performanceId, lost));
                for (int i = 0; i < lost.size(); i++) {
                    try {
                        settleSold(lost.get(i), again.get(i).orderIdOrThrow());
                    } catch (SaleConflictException conflict) {
                        lost.get(i).taken = conflict.conflicts();
                        conflicts.add(lost.get(i));
                    }
                }
            }
        });

        // 3. the buyers whose seats were taken, one by one: each re-seat changes what is free
        reseatAgain.forEach((work, earlier) -> reseat(terminalId, work, Optional.of(earlier)));
        for (SaleWork work : conflicts) {
            // no hold of a first attempt, as step 1 found, and none since: the terminal's batches take turns
            reseat(terminalId, work, Optional.empty());
        }
    }

    private CompletableFuture<List<JournalSaleResult>> sellAll(String terminalId, String performanceId, List<SaleWork> works) {
        if (works.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return holds.applyJournalSalesAsync(performanceId, works.stream().map(w -> journalSale(terminalId, w)).toList());
    }

    private void settleSold(SaleWork work, String orderId) {
        if (!work.sale.orderId().equals(orderId)) {
            // the live seats know this sale id under another order: someone else's sale
            work.reject("sale id reused", false);
            return;
        }
        work.settle(Outcome.ACCEPTED, Batch.seatIds(work.sale), null);
    }

    private static JournalSale journalSale(String terminalId, SaleWork work) {
        return new JournalSale(work.sale.saleId(), terminalId, work.sale.orderId(), Batch.seatIds(work.sale),
                Channel.valueOf(work.sale.channel().name()));
    }

    /**
     * Gives the buyer other seats of the same categories, or settles the sale as due a refund.
     *
     * @param firstAttempt the sale's first re-seat hold as step 1 found it (looked up there already)
     */
    private void reseat(String terminalId, SaleWork work, Optional<Hold> firstAttempt) {
        work.conflictId = conflictId(work.sale.saleId());
        for (int attempt = 1; attempt <= RESEAT_ATTEMPTS; attempt++) {
            String holdId = reseatHoldId(work, attempt);
            Optional<Hold> earlier = attempt == 1 ? firstAttempt : holds.findHold(holdId);
            if (earlier.isPresent()) {
                Hold hold = earlier.get();
                if (hold.status() == HoldStatus.CONFIRMED && work.sale.orderId().equals(hold.orderId())) {
                    reseated(work, hold.seatIds());
                    return;
                }
                if (hold.status() == HoldStatus.CONFIRMED) {
                    work.reject("sale id reused", false);
                    return;
                }
                try {
                    // held, or ran out with its seats perhaps still free: confirming finishes the earlier attempt
                    Hold confirmed = holds.confirm(holdId, hold.token(), work.sale.orderId());
                    reseated(work, confirmed.seatIds());
                    return;
                } catch (BoxOfficeException e) {
                    // that hold is over and holds nothing: the next attempt starts afresh
                    continue;
                }
            }
            Hold hold;
            try {
                hold = holdEquivalent(terminalId, work, attempt);
            } catch (NotEnoughSeatsException e) {
                work.settle(Outcome.REFUND_DUE, List.of(), "no equivalent seats are free: " + e.getMessage());
                return;
            } catch (NotOnSaleException e) {
                work.settle(Outcome.REFUND_DUE, List.of(), "the performance is no longer on sale: " + e.getMessage());
                return;
            }
            Hold confirmed = holds.confirm(hold.holdId(), hold.token(), work.sale.orderId());
            reseated(work, confirmed.seatIds());
            return;
        }
        work.settle(Outcome.REFUND_DUE, List.of(), "re-seating did not succeed after " + RESEAT_ATTEMPTS + " attempts");
    }

    private void reseated(SaleWork work, List<String> seats) {
        SeatLayout layout = catalog.seating(work.sale.performanceId()).layout();
        Map<String, String> categories = new LinkedHashMap<>();
        for (String seatId : seats) {
            categories.put(seatId, layout.categoryOf(layout.indexOf(seatId)));
        }
        work.newCategories = categories;
        work.settle(Outcome.RESEATED, seats, null);
    }

    /**
     * Holds seats equivalent to the sale's: the best group together in its one category when the
     * hold engine finds one, else the best free seats of each category, wherever they are.
     */
    private Hold holdEquivalent(String terminalId, SaleWork work, int attempt) {
        String performanceId = work.sale.performanceId();
        Channel channel = Channel.valueOf(work.sale.channel().name());
        String owner = "sync/" + terminalId;
        Map<String, Integer> wanted = new LinkedHashMap<>();
        work.categories.values().forEach(c -> wanted.merge(c, 1, Integer::sum));
        if (wanted.size() == 1) {
            Map.Entry<String, Integer> only = wanted.entrySet().iterator().next();
            try {
                return holds.hold(new HoldRequest(performanceId, reseatRequestId(work, attempt), owner, null, channel, terminalId,
                        SeatSelection.best(only.getValue(), only.getKey())));
            } catch (NotEnoughSeatsException | com.boxoffice.core.hold.InvalidHoldRequestException e) {
                // no group together (or larger than a group can be): scattered seats below
            }
        }
        for (int pick = 0; pick < PICKS; pick++) {
            List<String> seats = bestFree(performanceId, wanted);
            try {
                return holds.hold(new HoldRequest(performanceId, reseatRequestId(work, attempt), owner, null, channel, terminalId,
                        new SeatSelection.Seats(seats)));
            } catch (SeatUnavailableException e) {
                log.debug("Seats picked for re-seating sale {} were taken meanwhile; picking again", work.sale.saleId());
            }
        }
        throw new NotEnoughSeatsException("seats that stay free long enough to hold");
    }

    /** The best-ranked free seats of each wanted category (wheelchair spaces only on request, so never). */
    private List<String> bestFree(String performanceId, Map<String, Integer> wanted) {
        CatalogSeatings.VenueSeats venue = catalog.venueOf(performanceId);
        SeatLayout layout = venue.layout();
        Availability availability = holds.availability(performanceId);
        String states = availability.states();
        Map<String, List<Integer>> free = new HashMap<>();
        for (int i = 0; i < states.length(); i++) {
            if (states.charAt(i) == '.' && !layout.isWheelchairSpace(i)) {
                String category = layout.categoryOf(i);
                if (wanted.containsKey(category)) {
                    free.computeIfAbsent(category, c -> new ArrayList<>()).add(i);
                }
            }
        }
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, Integer> want : wanted.entrySet()) {
            List<Integer> candidates = free.getOrDefault(want.getKey(), List.of());
            if (candidates.size() < want.getValue()) {
                throw new NotEnoughSeatsException(want.getValue() + " in " + want.getKey());
            }
            candidates.sort(Comparator.<Integer>comparingInt(i -> venue.ranks()[i]).thenComparingInt(i -> i));
            for (int k = 0; k < want.getValue(); k++) {
                chosen.add(layout.seatId(candidates.get(k)));
            }
        }
        return chosen;
    }

    private static <T> T join(CompletableFuture<T> future) {
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

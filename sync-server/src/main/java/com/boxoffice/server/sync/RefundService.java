package com.boxoffice.server.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.sync.RefundBatch.Outcome;
import com.boxoffice.server.sync.RefundBatch.Refund;
import com.boxoffice.server.sync.RefundWriter.Recorded;
import com.boxoffice.server.sync.RefundWriter.StoredOrder;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies a terminal's batch of refunds: the seats it gave back (for money or for an exchange) are
 * freed in the live seat state and their tickets voided in the central database, so the seats can be
 * sold again and recorded. Idempotent by refund id, never by sequence number.
 *
 * <p>Order of steps, each safe to repeat, as for sales (docs/decisions/0005-reconciling-terminal-sales.md),
 * in one transaction under the terminal's lock that its sale batches take too:
 * <ol>
 * <li>look up which refunds are recorded already, and the orders the new ones name with their tickets;</li>
 * <li>check each new refund against its order: stored, of the performance named, holding every seat;</li>
 * <li>free the seats in Redis through the core, only those still sold under the refund's order;</li>
 * <li>void the tickets, mark orders with no live ticket left refunded, record and audit each refund.</li>
 * </ol>
 * A crash between 3 and 4 leaves the seats free in Redis and the tickets live; the terminal sends the
 * refund again, step 3 frees nothing more (a seat sold again meanwhile is under another order and
 * is left alone), and step 4 voids the tickets. A sale of such a seat uploaded in between fails on
 * the live-ticket constraint and is answered "send it again later" until then.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final RefundWriter writer;
    private final SaleWriter sales;
    private final RedisHoldStore holds;
    private final SeatStates seatStates;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    RefundService(RefundWriter writer, SaleWriter sales, RedisHoldStore holds, SeatStates seatStates, TransactionTemplate tx,
                  Clock clock, MeterRegistry meters) {
        this.writer = writer;
        this.sales = sales;
        this.holds = holds;
        this.seatStates = seatStates;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public RefundBatch.Answer apply(String terminalId, RefundBatch batch) {
        List<RefundWork> works = new ArrayList<>(batch.refunds().size());
        for (Refund refund : batch.refunds()) {
            works.add(new RefundWork(refund, RefundWork.contentHash(terminalId, refund)));
        }
        tx.executeWithoutResult(status -> {
            sales.lockTerminal(terminalId);
            List<RefundWork> fresh = triage(terminalId, works);
            fresh.forEach(this::freeSeats);
            writer.write(terminalId, batch.batchId(), works, clock.instant());
        });
        List<RefundBatch.RefundOutcome> outcomes = new ArrayList<>(works.size());
        for (RefundWork work : works) {
            RefundBatch.RefundOutcome outcome = work.answer();
            outcomes.add(outcome);
            meters.counter("boxoffice.sync.refunds", "outcome", outcome.outcome().name(),
                    "replayed", String.valueOf(outcome.replayed())).increment();
        }
        return new RefundBatch.Answer(batch.batchId(), outcomes);
    }

    /**
     * Answers the refunds that were recorded before (or reuse another refund's id), checks the rest
     * against their orders in the order sent, and returns those that go on to Redis.
     */
    private List<RefundWork> triage(String terminalId, List<RefundWork> works) {
        Set<String> refundIds = new LinkedHashSet<>();
        Set<String> orderIds = new LinkedHashSet<>();
        for (RefundWork work : works) {
            refundIds.add(work.refund.refundId());
            orderIds.add(work.refund.orderId());
        }
        Map<String, Recorded> recorded = writer.recorded(refundIds);
        Map<String, StoredOrder> orders = writer.orders(orderIds);

        Map<String, RefundWork> firstById = new HashMap<>();
        List<RefundWork> fresh = new ArrayList<>();
        for (RefundWork work : works) {
            Refund refund = work.refund;
            Recorded before = recorded.get(refund.refundId());
            if (before != null) {
                if (before.terminalId().equals(terminalId) && before.contentHash().equals(work.contentHash)) {
                    work.replayed = true;
                    work.outcome = before.outcome();
                    work.seats = before.seats();
                    work.reason = before.reason();
                } else {
                    work.reject("refund id reused", false);
                }
                continue;
            }
            RefundWork first = firstById.putIfAbsent(refund.refundId(), work);
            if (first != null) {
                if (first.contentHash.equals(work.contentHash)) {
                    work.sameAs = first;
                } else {
                    work.reject("refund id reused", false);
                }
                continue;
            }
            StoredOrder order = orders.get(refund.orderId());
            if (order == null) {
                // not recorded: the sale may still arrive (one answered "send it again later"), and then
                // the same refund sent again must be applied
                log.info("Refund {} of terminal {} names order {}, which is not stored", refund.refundId(), terminalId,
                        refund.orderId());
                work.reject("unknown order " + refund.orderId() + ": its sale has not reached the sync server", false);
                continue;
            }
            work.store = true;
            String problem = problem(refund, order);
            if (problem != null) {
                work.reject(problem, true);
                continue;
            }
            List<String> toVoid = new ArrayList<>();
            for (String seatId : refund.seatIds()) {
                if ("LIVE".equals(order.tickets.get(seatId))) {
                    toVoid.add(seatId);
                    order.tickets.put(seatId, "REFUNDED");
                }
            }
            work.outcome = Outcome.APPLIED;
            work.toVoid = List.copyOf(toVoid);
            fresh.add(work);
        }
        return fresh;
    }

    /** Why the refund cannot be applied to its order, or null when it can. */
    private static String problem(Refund refund, StoredOrder order) {
        if (!order.performanceId.equals(refund.performanceId())) {
            return "order " + order.id + " is for performance " + order.performanceId + ", not " + refund.performanceId();
        }
        for (String seatId : refund.seatIds()) {
            if (!order.tickets.containsKey(seatId)) {
                return "seat " + seatId + " was not sold in order " + order.id;
            }
        }
        return null;
    }

    /**
     * Puts the refund's seats back on sale in Redis: only those still sold under its order, so a seat
     * the terminal freed itself while online, or one sold again since, is left as it is.
     */
    private void freeSeats(RefundWork work) {
        Refund refund = work.refund;
        seatStates.ensureLoaded(refund.performanceId());
        try {
            holds.refund(refund.performanceId(), refund.orderId(), refund.seatIds(), null);
        } catch (UnknownPerformanceException e) {
            // Redis lost the performance since it was loaded: load it from the database, once more
            seatStates.reload(refund.performanceId());
            holds.refund(refund.performanceId(), refund.orderId(), refund.seatIds(), null);
        }
    }
}

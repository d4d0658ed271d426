package com.boxoffice.server.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.server.sync.Batch.Sale;
import com.boxoffice.server.sync.SaleWriter.Recorded;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies a terminal's batch of sales: idempotently by sale id, never by sequence number (a terminal
 * re-imaged and counting from 1 again still has its new sales applied), so the same sales sent
 * twice, out of order or in other batches end in the same state.
 *
 * <p>Order of steps, each safe to repeat (docs/decisions/0005-reconciling-terminal-sales.md):
 * <ol>
 * <li>under a per-terminal lock, look up which sales are recorded already, in one query;</li>
 * <li>check the new ones against the catalog;</li>
 * <li>settle them in Redis through the core (sell, or re-seat);</li>
 * <li>write orders, tickets, conflicts and the idempotency records in the same transaction.</li>
 * </ol>
 * A crash between 3 and 4 leaves seats taken in Redis under the sale's order but nothing recorded;
 * the terminal sends the sale again, step 3 answers as before without taking anything more, and
 * step 4 records it. If the batch's write fails on a constraint (the live-ticket one is the last
 * guard against a double sale), each sale is written in a transaction of its own, so one bad sale
 * cannot hold back the rest.
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final SaleChecks checks;
    private final Reconciler reconciler;
    private final SaleWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public SyncService(SaleChecks checks, Reconciler reconciler, SaleWriter writer, TransactionTemplate tx, Clock clock,
                       MeterRegistry meters) {
        this.checks = checks;
        this.reconciler = reconciler;
        this.writer = writer;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public Batch.Answer apply(String terminalId, Batch batch) {
        List<SaleWork> works = new ArrayList<>(batch.sales().size());
        for (Sale sale : batch.sales()) {
            works.add(new SaleWork(sale, SaleChecks.contentHash(terminalId, sale)));
        }
        boolean[] reconciled = {false};
        try {
            tx.executeWithoutResult(status -> {
                writer.lockTerminal(terminalId);
                List<SaleWork> fresh = triage(terminalId, works);
                reconciler.reconcile(terminalId, fresh);
                reconciled[0] = true;
                writer.write(terminalId, batch.batchId(), works, clock.instant());
            });
        } catch (DataIntegrityViolationException e) {
            if (!reconciled[0]) {
                throw e;
            }
            log.warn("Batch {} of terminal {} could not be written at once ({}); writing its sales one by one",
                    batch.batchId(), terminalId, e.getMostSpecificCause().getMessage());
            writeOneByOne(terminalId, batch.batchId(), works);
        }
        List<Batch.SaleOutcome> outcomes = new ArrayList<>(works.size());
        for (SaleWork work : works) {
            Batch.SaleOutcome outcome = work.answer();
            outcomes.add(outcome);
            meters.counter("boxoffice.sync.sales", "outcome", outcome.outcome().name(),
                    "replayed", String.valueOf(outcome.replayed())).increment();
        }
        return new Batch.Answer(batch.batchId(), outcomes);
    }

    /**
     * Answers the sales that were recorded before (or reuse another sale's id or order), checks the
     * rest against the catalog, and returns those that go on to Redis.
     */
    private List<SaleWork> triage(String terminalId, List<SaleWork> works) {
        Set<String> saleIds = new LinkedHashSet<>();
        Set<String> orderIds = new HashSet<>();
        Set<String> paymentKeys = new HashSet<>();
        for (SaleWork work : works) {
            saleIds.add(work.sale.saleId());
            orderIds.add(work.sale.orderId());
            work.sale.payments().forEach(p -> paymentKeys.add(p.idempotencyKey()));
        }
        SaleWriter.Known known = writer.known(saleIds, orderIds, paymentKeys);
        Map<String, Recorded> recorded = known.recorded();
        Set<String> usedOrders = known.orderIds();
        Set<String> usedKeys = new HashSet<>(known.paymentKeys());

        Map<String, SaleWork> firstById = new HashMap<>();
        Set<String> ordersInBatch = new HashSet<>();
        List<SaleWork> fresh = new ArrayList<>();
        for (SaleWork work : works) {
            Sale sale = work.sale;
            Recorded before = recorded.get(sale.saleId());
            if (before != null) {
                if (before.terminalId().equals(terminalId) && before.contentHash().equals(work.contentHash)) {
                    work.replayed = true;
                    work.outcome = before.outcome();
                    work.seats = before.seats();
                    work.conflictId = before.conflictId();
                    work.reason = before.reason();
                } else {
                    work.reject("sale id reused", false);
                }
                continue;
            }
            SaleWork first = firstById.putIfAbsent(sale.saleId(), work);
            if (first != null) {
                if (first.contentHash.equals(work.contentHash)) {
                    work.sameAs = first;
                } else {
                    work.reject("sale id reused", false);
                }
                continue;
            }
            if (usedOrders.contains(sale.orderId()) || !ordersInBatch.add(sale.orderId())) {
                work.reject("order id " + sale.orderId() + " already belongs to another sale", false);
                continue;
            }
            String usedKey = sale.payments().stream().map(Batch.PaymentLine::idempotencyKey)
                    .filter(usedKeys::contains).findFirst().orElse(null);
            if (usedKey != null) {
                work.reject("payment key " + usedKey + " already belongs to another payment", false);
                continue;
            }
            sale.payments().forEach(p -> usedKeys.add(p.idempotencyKey()));
            work.store = true;
            String problem = checks.problem(work);
            if (problem != null) {
                work.reject(problem, true);
                continue;
            }
            fresh.add(work);
        }
        return fresh;
    }

    /**
     * The batch's write failed as a whole: each sale in a transaction of its own. Its Redis step is
     * done and is not repeated; a sale recorded meanwhile (the same sale sent again elsewhere) is
     * answered from its record; a sale that still cannot be written is answered REJECTED without a
     * record, so sending it again later tries again.
     */
    private void writeOneByOne(String terminalId, String batchId, List<SaleWork> works) {
        for (SaleWork work : works) {
            if (!work.store) {
                continue;
            }
            try {
                tx.executeWithoutResult(status -> {
                    writer.lockTerminal(terminalId);
                    Recorded before = writer.recorded(work.sale.saleId());
                    if (before != null) {
                        work.store = false;
                        work.replayed = true;
                        work.outcome = before.outcome();
                        work.seats = before.seats();
                        work.conflictId = before.conflictId();
                        work.reason = before.reason();
                        return;
                    }
                    writer.write(terminalId, batchId, List.of(work), clock.instant());
                });
            } catch (DataIntegrityViolationException e) {
                log.error("Sale {} of terminal {} could not be recorded: {}", work.sale.saleId(), terminalId,
                        e.getMostSpecificCause().getMessage());
                work.reject("could not be recorded (" + e.getMostSpecificCause().getMessage().lines().findFirst().orElse("")
                        + "); send it again later", false);
                work.conflictId = null;
            }
        }
    }
}

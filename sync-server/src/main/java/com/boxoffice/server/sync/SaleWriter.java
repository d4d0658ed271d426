package com.boxoffice.server.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.SeatState;
import com.boxoffice.server.sync.Batch.Outcome;
import com.boxoffice.server.sync.Batch.PaymentLine;
import com.boxoffice.server.sync.Batch.Sale;
import com.boxoffice.server.sync.Batch.SeatLine;

import tools.jackson.databind.json.JsonMapper;

/**
 * The PostgreSQL half of reconciling: every settled sale's order, seats, payments, tickets, conflict,
 * idempotency record and audit events, written with one COPY per table for a whole batch. Runs
 * inside the caller's transaction.
 */
@Component
class SaleWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    SaleWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sale as recorded before: who sent it, what it said, and what it was answered. */
    record Recorded(String saleId, String terminalId, String contentHash, Outcome outcome, String orderId,
                    List<String> seats, String conflictId, String reason) {
    }

    /**
     * What the database already knows of a batch: its sales recorded before, by sale id, and which of
     * its order ids and payment keys are taken.
     */
    record Known(Map<String, Recorded> recorded, Set<String> orderIds, Set<String> paymentKeys) {
    }

    /**
     * {@link Known} for a batch in one query: each id looked up on its own through the primary key or
     * unique index. The lateral subqueries are kept from being merged into a join ({@code OFFSET 0}):
     * as a join, or as {@code = ANY} of a thousand ids, the planner prefers to read a whole table of a
     * few hundred thousand rows while its statistics still show it small, as they do for a while on a
     * busy day.
     */
    Known known(Collection<String> saleIds, Collection<String> orderIds, Collection<String> paymentKeys) {
        Map<String, Recorded> recorded = new HashMap<>();
        Set<String> orders = new HashSet<>();
        Set<String> keys = new HashSet<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT 'S', s.* FROM unnest(?::varchar[]) AS w(id) CROSS JOIN LATERAL"
                    + " (SELECT sale_id, terminal_id, content_hash, outcome, order_id, seats, conflict_id, reason"
                    + " FROM sync_sale WHERE sale_id = w.id OFFSET 0) s"
                    + " UNION ALL SELECT 'O', o.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM unnest(?::varchar[]) AS w(id)"
                    + " CROSS JOIN LATERAL (SELECT id FROM sale_order WHERE id = w.id OFFSET 0) o"
                    + " UNION ALL SELECT 'P', p.idempotency_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM unnest(?::varchar[]) AS w(id)"
                    + " CROSS JOIN LATERAL (SELECT idempotency_key FROM payment WHERE idempotency_key = w.id OFFSET 0) p");
            ps.setArray(1, con.createArrayOf("varchar", saleIds.toArray()));
            ps.setArray(2, con.createArrayOf("varchar", orderIds.toArray()));
            ps.setArray(3, con.createArrayOf("varchar", paymentKeys.toArray()));
            return ps;
        }, rs -> {
            switch (rs.getString(1)) {
                case "S" -> recorded.put(rs.getString(2), new Recorded(rs.getString(2), rs.getString(3), rs.getString(4),
                        Outcome.valueOf(rs.getString(5)), rs.getString(6), split(rs.getString(7)), rs.getString(8), rs.getString(9)));
                case "O" -> orders.add(rs.getString(2));
                default -> keys.add(rs.getString(2));
            }
        });
        return new Known(recorded, orders, keys);
    }

    /** The sale as recorded before, if it is. */
    Recorded recorded(String saleId) {
        return known(List.of(saleId), List.of(), List.of()).recorded().get(saleId);
    }

    /** Makes one terminal's batches take turns until the transaction ends, on every server instance. */
    void lockTerminal(String terminalId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "sync-terminal/" + terminalId);
    }

    /**
     * Writes every settled sale that is to be stored, in the caller's transaction, one COPY per table.
     * Each sale's own record is its {@code sync_sale} row; the audit trail gets one event for the
     * batch, counting its outcomes, and one per sale that did not go as the terminal sold it (re-seated,
     * due a refund, rejected), with the details a manager looks for.
     */
    void write(String terminalId, String batchId, List<SaleWork> works, Instant now) {
        CopyRows orders = new CopyRows("sale_order (id, performance_id, channel, terminal_id, buyer, status, total_minor,"
                + " currency, created_at, updated_at, version)");
        CopyRows orderSeats = new CopyRows("order_seat (order_id, seat_id, category, price_minor)");
        CopyRows payments = new CopyRows("payment (id, order_id, method, amount_minor, currency, status, idempotency_key,"
                + " provider_reference, tendered_minor, change_minor, created_at, updated_at)");
        CopyRows tickets = new CopyRows("ticket (id, order_id, performance_id, seat_id, price_minor, status, issued_at, live_seat_key)");
        CopyRows conflicts = new CopyRows("sync_conflict (id, sale_id, performance_id, terminal_id, order_id, category, wanted_seats,"
                + " taken_by, resolution, new_seats, status, created_at)");
        CopyRows syncSales = new CopyRows("sync_sale (sale_id, terminal_id, sequence_no, batch_id, performance_id, content_hash,"
                + " outcome, order_id, seats, conflict_id, reason, applied_at)");
        CopyRows audits = new CopyRows("audit_event (at, actor, kind, subject, detail)");
        List<SaleWork> conflicted = new ArrayList<>();
        for (SaleWork work : works) {
            if (work.store && (work.outcome == Outcome.RESEATED || work.outcome == Outcome.REFUND_DUE)) {
                conflicted.add(work);
            }
        }
        Map<SaleWork, String> takenBy = takenBy(conflicted);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Batch.Mode, Integer> modes = new EnumMap<>(Batch.Mode.class);
        long firstSequence = Long.MAX_VALUE;
        long lastSequence = Long.MIN_VALUE;
        for (SaleWork work : works) {
            if (!work.store) {
                continue;
            }
            Sale sale = work.sale;
            if (work.outcome != Outcome.REJECTED) {
                long total = 0;
                for (SeatLine line : sale.seats()) {
                    total += line.priceMinor();
                }
                String status = work.outcome == Outcome.REFUND_DUE ? "PAID" : "CONFIRMED";
                orders.add(sale.orderId()).add(sale.performanceId()).add(sale.channel().name()).add(terminalId)
                        .add(blankToNull(sale.buyer())).add(status).add(total).add(sale.currency()).add(sale.soldAt()).add(now)
                        .add(0).endRow();
                List<SeatLine> held = heldSeats(work);
                for (SeatLine line : held) {
                    orderSeats.add(sale.orderId()).add(line.seatId()).add(line.category()).add(line.priceMinor()).endRow();
                }
                int n = 0;
                for (PaymentLine p : sale.payments()) {
                    boolean cash = p.method() == Batch.PayMethod.CASH;
                    payments.add(paymentId(sale.saleId(), n++)).add(sale.orderId()).add(p.method().name()).add(p.amountMinor())
                            .add(sale.currency()).add("CAPTURED").add(p.idempotencyKey()).add(blankToNull(p.providerReference()))
                            .add(cash ? p.tenderedMinor() : null).add(cash ? p.changeMinor() : null).add(sale.soldAt()).add(now)
                            .endRow();
                }
                if (work.outcome != Outcome.REFUND_DUE) {
                    Instant issued = work.outcome == Outcome.ACCEPTED ? sale.soldAt() : now;
                    for (SeatLine line : held) {
                        tickets.add(ticketId(sale.orderId(), line.seatId())).add(sale.orderId()).add(sale.performanceId())
                                .add(line.seatId()).add(line.priceMinor()).add("LIVE").add(issued).add(line.seatId()).endRow();
                    }
                }
                if (work.outcome == Outcome.RESEATED || work.outcome == Outcome.REFUND_DUE) {
                    conflicts.add(work.conflictId).add(sale.saleId()).add(sale.performanceId()).add(terminalId).add(sale.orderId())
                            .add(mainCategory(work)).add(String.join(",", Batch.seatIds(sale))).add(takenBy.get(work))
                            .add(work.outcome.name()).add(String.join(",", work.seats)).add("OPEN").add(now).endRow();
                }
            }
            syncSales.add(sale.saleId()).add(terminalId).add(sale.sequence()).add(batchId).add(sale.performanceId())
                    .add(work.contentHash).add(work.outcome.name()).add(sale.orderId()).add(String.join(",", work.seats))
                    .add(work.conflictId).add(truncate(work.reason, 500)).add(now).endRow();
            if (work.outcome != Outcome.ACCEPTED) {
                audits.add(now).add(terminalId).add("SYNC_SALE_" + work.outcome.name())
                        .add(work.outcome == Outcome.REJECTED ? "sale:" + sale.saleId() : sale.orderId())
                        .add(auditDetail(work, batchId)).endRow();
            }
            outcomes.merge(work.outcome, 1, Integer::sum);
            modes.merge(sale.mode(), 1, Integer::sum);
            firstSequence = Math.min(firstSequence, sale.sequence());
            lastSequence = Math.max(lastSequence, sale.sequence());
        }
        if (syncSales.rows() > 0) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("batchId", batchId);
            detail.put("sales", syncSales.rows());
            detail.put("outcomes", outcomes);
            detail.put("modes", modes);
            detail.put("sequences", List.of(firstSequence, lastSequence));
            audits.add(now).add(terminalId).add("SYNC_BATCH_APPLIED").add(truncate("batch:" + batchId, 200))
                    .add(JSON.writeValueAsString(detail)).endRow();
        }
        for (CopyRows rows : List.of(orders, orderSeats, payments, tickets, conflicts, syncSales, audits)) {
            rows.copy(jdbc);
        }
    }

    /**
     * The seats the buyer ends up paying for, at what they paid: the sold seats for an accepted sale
     * or one due a refund; for a re-seated one the new seats, each at the price paid for a seat of
     * its category (the buyer paid for category X and gets category X).
     */
    static List<SeatLine> heldSeats(SaleWork work) {
        if (work.outcome != Outcome.RESEATED) {
            return work.sale.seats();
        }
        Map<String, List<SeatLine>> paidByCategory = new LinkedHashMap<>();
        for (SeatLine line : work.sale.seats()) {
            paidByCategory.computeIfAbsent(line.category(), c -> new ArrayList<>()).add(line);
        }
        Map<String, Integer> used = new HashMap<>();
        List<SeatLine> held = new ArrayList<>();
        for (String seatId : work.seats) {
            String category = work.newCategories.get(seatId);
            List<SeatLine> paid = paidByCategory.get(category);
            int k = used.merge(category, 1, Integer::sum) - 1;
            held.add(new SeatLine(seatId, category, paid.get(Math.min(k, paid.size() - 1)).priceMinor()));
        }
        return held;
    }

    private static String mainCategory(SaleWork work) {
        return work.sale.seats().getFirst().category();
    }

    /**
     * Who had each conflicted sale's seats when it arrived, as JSON for its conflict record: the state
     * Redis answered, and the order of the seat's live ticket, if any. One query for the batch.
     */
    private Map<SaleWork, String> takenBy(List<SaleWork> works) {
        Map<SaleWork, String> out = new HashMap<>();
        if (works.isEmpty()) {
            return out;
        }
        List<String> performanceIds = new ArrayList<>();
        List<String> seatIds = new ArrayList<>();
        for (SaleWork work : works) {
            for (String seatId : Batch.seatIds(work.sale)) {
                performanceIds.add(work.sale.performanceId());
                seatIds.add(seatId);
            }
        }
        Map<List<String>, String> owners = new HashMap<>();
        jdbc.query(con -> {
            // one probe of the live-ticket index per seat, however stale the statistics (see known)
            var ps = con.prepareStatement("SELECT w.performance_id, w.seat_id, t.order_id"
                    + " FROM unnest(?::varchar[], ?::varchar[]) AS w(performance_id, seat_id) CROSS JOIN LATERAL"
                    + " (SELECT order_id FROM ticket WHERE performance_id = w.performance_id AND live_seat_key = w.seat_id OFFSET 0) t");
            ps.setArray(1, con.createArrayOf("varchar", performanceIds.toArray()));
            ps.setArray(2, con.createArrayOf("varchar", seatIds.toArray()));
            return ps;
        }, rs -> {
            owners.put(List.of(rs.getString(1), rs.getString(2)), rs.getString(3));
        });
        for (SaleWork work : works) {
            List<Map<String, String>> taken = new ArrayList<>();
            for (String seatId : Batch.seatIds(work.sale)) {
                SeatState state = work.taken.get(seatId);
                String owner = owners.get(List.of(work.sale.performanceId(), seatId));
                if (state == null && owner == null) {
                    continue;
                }
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("seatId", seatId);
                entry.put("state", state == null ? SeatState.SOLD.name() : state.name());
                if (owner != null) {
                    entry.put("orderId", owner);
                }
                taken.add(entry);
            }
            out.put(work, JSON.writeValueAsString(taken));
        }
        return out;
    }

    private static String auditDetail(SaleWork work, String batchId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("saleId", work.sale.saleId());
        detail.put("sequence", work.sale.sequence());
        detail.put("batchId", batchId);
        detail.put("mode", work.sale.mode().name());
        detail.put("seats", work.seats);
        if (work.outcome != Outcome.ACCEPTED) {
            detail.put("wanted", Batch.seatIds(work.sale));
        }
        if (work.reason != null) {
            detail.put("reason", work.reason);
        }
        if (work.conflictId != null) {
            detail.put("conflictId", work.conflictId);
        }
        return JSON.writeValueAsString(detail);
    }

    static String paymentId(String saleId, int n) {
        return NameIds.of("payment/" + saleId + "/" + n);
    }

    /** The id the core gives a ticket of an order's seat, so a ticket has one id however it was sold. */
    static String ticketId(String orderId, String seatId) {
        return NameIds.of(orderId + "/" + seatId);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

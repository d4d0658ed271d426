package com.boxoffice.server.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * idempotency record and audit event, written with JDBC batch inserts (one round trip per table for
 * a whole batch, which the driver sends as multi-row INSERTs). Runs inside the caller's transaction.
 */
@Component
class SaleWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int[] ORDER_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] ORDER_SEAT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT};
    private static final int[] PAYMENT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] TICKET_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    private static final int[] CONFLICT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] SYNC_SALE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] AUDIT_TYPES = {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR};

    private final JdbcTemplate jdbc;

    SaleWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sale as recorded before: who sent it, what it said, and what it was answered. */
    record Recorded(String saleId, String terminalId, String contentHash, Outcome outcome, String orderId,
                    List<String> seats, String conflictId, String reason) {
    }

    /** Recorded sales among the ids, by sale id: one query for a whole batch. */
    Map<String, Recorded> recorded(Collection<String> saleIds) {
        Map<String, Recorded> found = new HashMap<>();
        if (saleIds.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT sale_id, terminal_id, content_hash, outcome, order_id, seats, conflict_id, reason"
                    + " FROM sync_sale WHERE sale_id = ANY(?)");
            ps.setArray(1, con.createArrayOf("varchar", saleIds.toArray()));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), new Recorded(rs.getString(1), rs.getString(2), rs.getString(3),
                    Outcome.valueOf(rs.getString(4)), rs.getString(5), split(rs.getString(6)), rs.getString(7), rs.getString(8)));
        });
        return found;
    }

    /** Which of the values already appear in a column (ids of orders, payment keys). */
    java.util.Set<String> existing(String table, String column, Collection<String> values) {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + column + " FROM " + table + " WHERE " + column + " = ANY(?)");
            Array array = con.createArrayOf("varchar", values.toArray());
            ps.setArray(1, array);
            return ps;
        }, rs -> {
            found.add(rs.getString(1));
        });
        return found;
    }

    /** Makes one terminal's batches take turns until the transaction ends, on every server instance. */
    void lockTerminal(String terminalId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "sync-terminal/" + terminalId);
    }

    /** Writes every settled sale that is to be stored, in the caller's transaction. */
    void write(String terminalId, String batchId, List<SaleWork> works, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> orderSeats = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        List<Object[]> tickets = new ArrayList<>();
        List<Object[]> conflicts = new ArrayList<>();
        List<Object[]> syncSales = new ArrayList<>();
        List<Object[]> audits = new ArrayList<>();
        for (SaleWork work : works) {
            if (!work.store) {
                continue;
            }
            Sale sale = work.sale;
            OffsetDateTime soldAt = OffsetDateTime.ofInstant(sale.soldAt(), ZoneOffset.UTC);
            if (work.outcome != Outcome.REJECTED) {
                long total = sale.seats().stream().mapToLong(SeatLine::priceMinor).sum();
                String status = work.outcome == Outcome.REFUND_DUE ? "PAID" : "CONFIRMED";
                orders.add(new Object[] {sale.orderId(), sale.performanceId(), sale.channel().name(), terminalId,
                    blankToNull(sale.buyer()), status, total, sale.currency(), soldAt, at});
                List<SeatLine> held = heldSeats(work);
                for (SeatLine line : held) {
                    orderSeats.add(new Object[] {sale.orderId(), line.seatId(), line.category(), line.priceMinor()});
                }
                int n = 0;
                for (PaymentLine p : sale.payments()) {
                    boolean cash = p.method() == Batch.PayMethod.CASH;
                    payments.add(new Object[] {paymentId(sale.saleId(), n++), sale.orderId(), p.method().name(), p.amountMinor(),
                        sale.currency(), "CAPTURED", p.idempotencyKey(), blankToNull(p.providerReference()),
                        cash ? p.tenderedMinor() : null, cash ? p.changeMinor() : null, soldAt, at});
                }
                if (work.outcome != Outcome.REFUND_DUE) {
                    OffsetDateTime issued = work.outcome == Outcome.ACCEPTED ? soldAt : at;
                    for (SeatLine line : held) {
                        tickets.add(new Object[] {ticketId(sale.orderId(), line.seatId()), sale.orderId(), sale.performanceId(),
                            line.seatId(), line.priceMinor(), issued, line.seatId()});
                    }
                }
                if (work.outcome == Outcome.RESEATED || work.outcome == Outcome.REFUND_DUE) {
                    conflicts.add(new Object[] {work.conflictId, sale.saleId(), sale.performanceId(), terminalId, sale.orderId(),
                        mainCategory(work), String.join(",", Batch.seatIds(sale)), takenBy(work), work.outcome.name(),
                        String.join(",", work.seats), at});
                }
            }
            syncSales.add(new Object[] {sale.saleId(), terminalId, sale.sequence(), batchId, sale.performanceId(),
                work.contentHash, work.outcome.name(), sale.orderId(), String.join(",", work.seats), work.conflictId,
                truncate(work.reason, 500), at});
            audits.add(new Object[] {at, terminalId, "SYNC_SALE_" + work.outcome.name(),
                work.outcome == Outcome.REJECTED ? "sale:" + sale.saleId() : sale.orderId(), auditDetail(work, batchId)});
        }
        batch("INSERT INTO sale_order (id, performance_id, channel, terminal_id, buyer, hold_id, status, total_minor, currency,"
                + " payment_idempotency_key, failure_reason, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?, ?, 0)", orders, ORDER_TYPES);
        batch("INSERT INTO order_seat (order_id, seat_id, category, price_minor) VALUES (?, ?, ?, ?)", orderSeats, ORDER_SEAT_TYPES);
        batch("INSERT INTO payment (id, order_id, method, amount_minor, currency, status, idempotency_key, provider_reference,"
                + " tendered_minor, change_minor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                payments, PAYMENT_TYPES);
        batch("INSERT INTO ticket (id, order_id, performance_id, seat_id, price_minor, status, issued_at, live_seat_key)"
                + " VALUES (?, ?, ?, ?, ?, 'LIVE', ?, ?)", tickets, TICKET_TYPES);
        batch("INSERT INTO sync_conflict (id, sale_id, performance_id, terminal_id, order_id, category, wanted_seats, taken_by,"
                + " resolution, new_seats, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                conflicts, CONFLICT_TYPES);
        batch("INSERT INTO sync_sale (sale_id, terminal_id, sequence_no, batch_id, performance_id, content_hash, outcome, order_id,"
                + " seats, conflict_id, reason, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", syncSales, SYNC_SALE_TYPES);
        batch("INSERT INTO audit_event (at, actor, kind, subject, detail) VALUES (?, ?, ?, ?, ?)", audits, AUDIT_TYPES);
    }

    private void batch(String sql, List<Object[]> rows, int[] types) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, types);
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

    private String takenBy(SaleWork work) {
        List<String> wanted = Batch.seatIds(work.sale);
        Map<String, String> owners = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT seat_id, order_id FROM ticket WHERE performance_id = ? AND live_seat_key = ANY(?)");
            ps.setString(1, work.sale.performanceId());
            ps.setArray(2, con.createArrayOf("varchar", wanted.toArray()));
            return ps;
        }, rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        });
        List<Map<String, String>> out = new ArrayList<>();
        for (String seatId : wanted) {
            SeatState state = work.taken.get(seatId);
            String owner = owners.get(seatId);
            if (state == null && owner == null) {
                continue;
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("seatId", seatId);
            entry.put("state", state == null ? SeatState.SOLD.name() : state.name());
            if (owner != null) {
                entry.put("orderId", owner);
            }
            out.add(entry);
        }
        return JSON.writeValueAsString(out);
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
        return UUID.nameUUIDFromBytes(("payment/" + saleId + "/" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id the core gives a ticket of an order's seat, so a ticket has one id however it was sold. */
    static String ticketId(String orderId, String seatId) {
        return UUID.nameUUIDFromBytes((orderId + "/" + seatId).getBytes(StandardCharsets.UTF_8)).toString();
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

package com.boxoffice.server.sync;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.boxoffice.server.sync.RefundBatch.Outcome;
import com.boxoffice.server.sync.RefundBatch.Refund;

import tools.jackson.databind.json.JsonMapper;

/**
 * The PostgreSQL half of applying delivered refunds: what is known of a batch's refunds and orders,
 * and, for the batch as a whole, the voided tickets, the orders left with no live ticket, the
 * idempotency records and one audit event per refund. Runs inside the caller's transaction.
 */
@Component
class RefundWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    RefundWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A refund as recorded before: who sent it, what it said, and what it was answered. */
    record Recorded(String refundId, String terminalId, String contentHash, Outcome outcome, List<String> seats,
                    String reason) {
    }

    /**
     * A stored order as the checks see it: its performance and the status of its ticket for each seat
     * (LIVE or REFUNDED). Refunds of one batch are checked in turn against it, so a refund sees the
     * tickets the refunds before it voided.
     */
    static final class StoredOrder {

        final String id;
        final String performanceId;
        final Map<String, String> tickets = new HashMap<>();

        StoredOrder(String id, String performanceId) {
            this.id = id;
            this.performanceId = performanceId;
        }
    }

    /**
     * The refunds of a batch recorded before, by refund id: each id looked up on its own through the
     * primary key, kept from being merged into a join ({@code OFFSET 0}) for the reason
     * {@link SaleWriter#known} gives.
     */
    Map<String, Recorded> recorded(Collection<String> refundIds) {
        Map<String, Recorded> recorded = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT r.* FROM unnest(?::varchar[]) AS w(id) CROSS JOIN LATERAL"
                    + " (SELECT refund_id, terminal_id, content_hash, outcome, seats, reason FROM sync_refund"
                    + " WHERE refund_id = w.id OFFSET 0) r");
            ps.setArray(1, con.createArrayOf("varchar", refundIds.toArray()));
            return ps;
        }, rs -> {
            recorded.put(rs.getString(1), new Recorded(rs.getString(1), rs.getString(2), rs.getString(3),
                    Outcome.valueOf(rs.getString(4)), SaleWriter.split(rs.getString(5)), rs.getString(6)));
        });
        return recorded;
    }

    /** The batch's orders that are stored, by id, with their tickets; one probe of each index per order. */
    Map<String, StoredOrder> orders(Collection<String> orderIds) {
        Map<String, StoredOrder> orders = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT o.id, o.performance_id, t.seat_id, t.status"
                    + " FROM unnest(?::varchar[]) AS w(id) CROSS JOIN LATERAL"
                    + " (SELECT id, performance_id FROM sale_order WHERE id = w.id OFFSET 0) o"
                    + " LEFT JOIN LATERAL (SELECT seat_id, status FROM ticket WHERE order_id = o.id OFFSET 0) t ON TRUE");
            ps.setArray(1, con.createArrayOf("varchar", orderIds.toArray()));
            return ps;
        }, rs -> {
            String id = rs.getString(1);
            String performanceId = rs.getString(2);
            StoredOrder order = orders.computeIfAbsent(id, o -> new StoredOrder(o, performanceId));
            String seatId = rs.getString(3);
            if (seatId != null) {
                // a seat's live ticket wins over one voided before, should the order hold both
                order.tickets.merge(seatId, rs.getString(4), (a, b) -> "LIVE".equals(a) ? a : b);
            }
        });
        return orders;
    }

    /**
     * Voids the tickets of every applied refund, marks refunded each order of theirs left with no live
     * ticket, and writes every refund to be stored with its audit event. Each refund's answer gets
     * the seats whose tickets it voided: a ticket voided meanwhile by someone else (a manager settling
     * a conflict) is not counted as this refund's.
     */
    void write(String terminalId, String batchId, List<RefundWork> works, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> voids = new ArrayList<>();
        List<RefundWork> voidedBy = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();
        for (RefundWork work : works) {
            if (work.store && work.outcome == Outcome.APPLIED) {
                applied.add(work.refund.orderId());
                for (String seatId : work.toVoid) {
                    voids.add(new Object[] {work.refund.orderId(), seatId});
                    voidedBy.add(work);
                }
            }
        }
        Map<RefundWork, List<String>> voided = new LinkedHashMap<>();
        if (!voids.isEmpty()) {
            int[] counts = jdbc.batchUpdate("UPDATE ticket SET status = 'REFUNDED', live_seat_key = NULL"
                    + " WHERE order_id = ? AND seat_id = ? AND status = 'LIVE'", voids, new int[] {Types.VARCHAR, Types.VARCHAR});
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    voided.computeIfAbsent(voidedBy.get(i), w -> new ArrayList<>()).add((String) voids.get(i)[1]);
                }
            }
        }
        if (!applied.isEmpty()) {
            List<Object[]> orders = new ArrayList<>();
            for (String orderId : applied) {
                orders.add(new Object[] {at, orderId});
            }
            jdbc.batchUpdate("UPDATE sale_order SET status = 'REFUNDED', updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND status <> 'REFUNDED'"
                    + " AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = sale_order.id AND t.status = 'LIVE')",
                    orders, new int[] {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
        }

        CopyRows records = new CopyRows("sync_refund (refund_id, terminal_id, sequence_no, batch_id, kind, performance_id,"
                + " order_id, content_hash, outcome, seats, amount_minor, currency, reason, note, refunded_at, applied_at)");
        CopyRows audits = new CopyRows("audit_event (at, actor, kind, subject, detail)");
        for (RefundWork work : works) {
            if (!work.store) {
                continue;
            }
            Refund refund = work.refund;
            if (work.outcome == Outcome.APPLIED) {
                work.seats = List.copyOf(voided.getOrDefault(work, List.of()));
            }
            records.add(refund.refundId()).add(terminalId).add(refund.sequence()).add(batchId).add(refund.kind().name())
                    .add(refund.performanceId()).add(refund.orderId()).add(work.contentHash).add(work.outcome.name())
                    .add(String.join(",", work.seats)).add(refund.amountMinor()).add(refund.currency())
                    .add(truncate(work.reason, 500)).add(blankToNull(refund.reason())).add(refund.refundedAt()).add(now).endRow();
            audits.add(now).add(terminalId).add("SYNC_REFUND_" + work.outcome.name()).add(refund.orderId())
                    .add(auditDetail(work, batchId)).endRow();
        }
        records.copy(jdbc);
        audits.copy(jdbc);
    }

    private static String auditDetail(RefundWork work, String batchId) {
        Refund refund = work.refund;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refundId", refund.refundId());
        detail.put("sequence", refund.sequence());
        detail.put("batchId", batchId);
        detail.put("kind", refund.kind().name());
        detail.put("performanceId", refund.performanceId());
        detail.put("seats", work.seats);
        detail.put("wanted", refund.seatIds());
        detail.put("amountMinor", refund.amountMinor());
        detail.put("currency", refund.currency());
        detail.put("refundedAt", refund.refundedAt().toString());
        if (blankToNull(refund.reason()) != null) {
            detail.put("note", refund.reason());
        }
        if (work.reason != null) {
            detail.put("reason", work.reason);
        }
        return JSON.writeValueAsString(detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

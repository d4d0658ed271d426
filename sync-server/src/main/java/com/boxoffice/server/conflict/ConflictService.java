package com.boxoffice.server.conflict;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.terminal.Caller;
import com.boxoffice.server.web.ApiException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managers' decisions on sync conflicts: keep the new seats, refund the order, or move the buyer to
 * seats of their choosing. Each decision is audited under the manager who made it.
 *
 * <p>The database is changed before seats are given back in Redis, never after: should the server
 * stop in between, a seat stays sold in Redis a while longer (until the call is repeated or the
 * performance is rebuilt), which loses a sale at worst, where the other order could sell it twice.
 * Seats taken by a move are taken in Redis first, all or none, so a move to a seat someone else has
 * fails before anything is written. Repeating a resolution that was made finishes its Redis step
 * and answers the conflict as it is.
 */
@Service
public class ConflictService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Conflict.TakenSeat>> TAKEN = new TypeReference<>() {
    };

    /** What a manager may decide. */
    public enum Action {
        ACCEPT_RESEAT, REFUND, MOVE
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RedisHoldStore holds;
    private final CatalogSeatings catalog;
    private final SeatStates seatStates;
    private final Clock clock;

    public ConflictService(JdbcTemplate jdbc, TransactionTemplate tx, RedisHoldStore holds, CatalogSeatings catalog,
                           SeatStates seatStates, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.holds = holds;
        this.catalog = catalog;
        this.seatStates = seatStates;
        this.clock = clock;
    }

    private static final String COLUMNS = "id, sale_id, performance_id, terminal_id, order_id, category, wanted_seats, taken_by,"
            + " resolution, new_seats, status, action, resolved_by, resolved_at, note, created_at";

    public List<Conflict> list(String status) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_conflict WHERE status = ? ORDER BY created_at, id",
                (rs, n) -> conflict(rs), status);
    }

    public Conflict get(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_conflict WHERE id = ?", (rs, n) -> conflict(rs), id).stream()
                .findFirst().orElseThrow(() -> ApiException.notFound("No conflict " + id + "."));
    }

    public Conflict resolve(Caller caller, String id, Action action, List<String> seatIds, String note) {
        Conflict conflict = get(id);
        if ("RESOLVED".equals(conflict.status())) {
            if (!action.name().equals(conflict.action())) {
                throw ApiException.conflict("conflict-resolved", "Conflict " + id + " was resolved already ("
                        + conflict.action() + " by " + conflict.resolvedBy() + ").");
            }
            // a repeat of the resolution made: finish its Redis step and answer as it stands
            if (action == Action.REFUND) {
                freeSeats(conflict, conflict.newSeats());
            }
            return conflict;
        }
        return switch (action) {
            case ACCEPT_RESEAT -> acceptReseat(caller, conflict, note);
            case REFUND -> refund(caller, conflict, note);
            case MOVE -> move(caller, conflict, seatIds, note);
        };
    }

    private Conflict acceptReseat(Caller caller, Conflict conflict, String note) {
        if (!"RESEATED".equals(conflict.resolution())) {
            throw ApiException.conflict("nothing-to-accept", "The buyer was not re-seated (" + conflict.resolution()
                    + "): refund the order or move the buyer to free seats.");
        }
        tx.executeWithoutResult(status -> {
            markResolved(conflict, Action.ACCEPT_RESEAT, caller, note, conflict.newSeats());
            audit(caller, "SYNC_CONFLICT_ACCEPT_RESEAT", conflict, Map.of("seats", conflict.newSeats()), note);
        });
        return get(conflict.id());
    }

    private Conflict refund(Caller caller, Conflict conflict, String note) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            lockOpen(conflict);
            Map<String, Object> order = jdbc.queryForMap("SELECT total_minor, currency, status FROM sale_order WHERE id = ? FOR UPDATE",
                    conflict.orderId());
            List<Map<String, Object>> seats = jdbc.queryForList("SELECT seat_id, price_minor FROM order_seat WHERE order_id = ?",
                    conflict.orderId());
            jdbc.update("UPDATE ticket SET status = 'REFUNDED', live_seat_key = NULL WHERE order_id = ? AND status = 'LIVE'",
                    conflict.orderId());
            jdbc.update("UPDATE sale_order SET status = 'REFUNDED', updated_at = ?, version = version + 1 WHERE id = ?",
                    at, conflict.orderId());
            String refundId = "conflict-refund/" + conflict.id();
            jdbc.update("INSERT INTO refund (id, order_id, kind, new_order_id, status, reason, actor, terminal_id, amount_minor,"
                            + " currency, order_fully_refunded, created_at, updated_at, version)"
                            + " VALUES (?, ?, 'REFUND', NULL, 'COMPLETED', ?, ?, NULL, ?, ?, TRUE, ?, ?, 0)",
                    refundId, conflict.orderId(), truncate("sync conflict " + conflict.id() + (note == null ? "" : ": " + note), 500),
                    truncate(caller.actor(), 100), order.get("total_minor"), order.get("currency"), at, at);
            List<Object[]> refundSeats = new ArrayList<>();
            for (Map<String, Object> seat : seats) {
                refundSeats.add(new Object[] {refundId, conflict.orderId(), seat.get("seat_id"), seat.get("price_minor")});
            }
            jdbc.batchUpdate("INSERT INTO refund_seat (refund_id, order_id, seat_id, price_minor) VALUES (?, ?, ?, ?)", refundSeats,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
            markResolved(conflict, Action.REFUND, caller, note, List.of());
            audit(caller, "SYNC_CONFLICT_REFUND", conflict, Map.of("refundId", refundId, "amountMinor", order.get("total_minor"),
                    "seatsFreed", conflict.newSeats()), note);
        });
        freeSeats(conflict, conflict.newSeats());
        return get(conflict.id());
    }

    private Conflict move(Caller caller, Conflict conflict, List<String> seatIds, String note) {
        if (seatIds == null || seatIds.isEmpty()) {
            throw ApiException.badRequest("seats-required", "Name the seats to move the buyer to in seatIds.");
        }
        seatStates.ensureLoaded(conflict.performanceId());
        SeatLayout layout = catalog.seating(conflict.performanceId()).layout();
        List<Map<String, Object>> paid = jdbc.queryForList("SELECT category, price_minor FROM order_seat WHERE order_id = ? ORDER BY seat_id",
                conflict.orderId());
        Map<String, List<Long>> pricesByCategory = new HashMap<>();
        for (Map<String, Object> line : paid) {
            pricesByCategory.computeIfAbsent((String) line.get("category"), c -> new ArrayList<>())
                    .add(((Number) line.get("price_minor")).longValue());
        }
        Map<String, Integer> wanted = new HashMap<>();
        pricesByCategory.forEach((c, prices) -> wanted.put(c, prices.size()));
        Map<String, Integer> given = new HashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        for (String seatId : seatIds) {
            int index = layout.indexOf(seatId);
            if (index < 0) {
                throw ApiException.badRequest("unknown-seat", "No seat " + seatId + " at this performance.");
            }
            if (categoryOf.put(seatId, layout.categoryOf(index)) != null) {
                throw ApiException.badRequest("seat-twice", "Seat " + seatId + " is named twice.");
            }
            given.merge(layout.categoryOf(index), 1, Integer::sum);
        }
        if (!given.equals(wanted)) {
            throw ApiException.badRequest("not-equivalent", "The buyer paid for " + perCategory(wanted)
                    + "; the seats named are " + perCategory(given) + ". Name as many seats of each category.");
        }
        List<String> sorted = seatIds.stream().sorted().toList();
        String requestId = "move:" + conflict.id() + ":" + String.join(",", sorted);
        Hold hold = holds.hold(new HoldRequest(conflict.performanceId(), requestId, "manager/" + caller.actor(), null,
                Channel.BOX_OFFICE, null, new SeatSelection.Seats(seatIds)));
        holds.confirm(hold.holdId(), hold.token(), conflict.orderId());

        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            lockOpen(conflict);
            jdbc.update("UPDATE ticket SET status = 'REFUNDED', live_seat_key = NULL WHERE order_id = ? AND status = 'LIVE'",
                    conflict.orderId());
            jdbc.update("DELETE FROM order_seat WHERE order_id = ?", conflict.orderId());
            Map<String, Integer> used = new HashMap<>();
            List<Object[]> seats = new ArrayList<>();
            List<Object[]> tickets = new ArrayList<>();
            for (Map.Entry<String, String> seat : categoryOf.entrySet()) {
                String category = seat.getValue();
                long price = pricesByCategory.get(category).get(used.merge(category, 1, Integer::sum) - 1);
                seats.add(new Object[] {conflict.orderId(), seat.getKey(), category, price});
                tickets.add(new Object[] {ticketId(conflict.orderId(), seat.getKey()), conflict.orderId(), conflict.performanceId(),
                    seat.getKey(), price, at, seat.getKey()});
            }
            jdbc.batchUpdate("INSERT INTO order_seat (order_id, seat_id, category, price_minor) VALUES (?, ?, ?, ?)", seats,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
            jdbc.batchUpdate("INSERT INTO ticket (id, order_id, performance_id, seat_id, price_minor, status, issued_at, live_seat_key)"
                            + " VALUES (?, ?, ?, ?, ?, 'LIVE', ?, ?)", tickets,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
            jdbc.update("UPDATE sale_order SET status = 'CONFIRMED', updated_at = ?, version = version + 1 WHERE id = ?",
                    at, conflict.orderId());
            markResolved(conflict, Action.MOVE, caller, note, List.copyOf(categoryOf.keySet()));
            audit(caller, "SYNC_CONFLICT_MOVE", conflict, Map.of("from", conflict.newSeats(), "to", List.copyOf(categoryOf.keySet())),
                    note);
        });
        freeSeats(conflict, conflict.newSeats().stream().filter(s -> !categoryOf.containsKey(s)).toList());
        return get(conflict.id());
    }

    /** Locks the conflict's row and makes sure no other decision got there first. */
    private void lockOpen(Conflict conflict) {
        String status = jdbc.queryForObject("SELECT status FROM sync_conflict WHERE id = ? FOR UPDATE", String.class, conflict.id());
        if (!"OPEN".equals(status)) {
            throw ApiException.conflict("conflict-resolved", "Conflict " + conflict.id() + " was resolved meanwhile.");
        }
    }

    private void markResolved(Conflict conflict, Action action, Caller caller, String note, List<String> newSeats) {
        lockOpen(conflict);
        jdbc.update("UPDATE sync_conflict SET status = 'RESOLVED', action = ?, resolved_by = ?, resolved_at = ?, note = ?,"
                        + " new_seats = ? WHERE id = ?",
                action.name(), truncate(caller.actor(), 100), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                truncate(note, 1000), String.join(",", newSeats), conflict.id());
    }

    private void freeSeats(Conflict conflict, List<String> seatIds) {
        if (!seatIds.isEmpty()) {
            seatStates.ensureLoaded(conflict.performanceId());
            holds.refund(conflict.performanceId(), conflict.orderId(), seatIds, null);
        }
    }

    private void audit(Caller caller, String kind, Conflict conflict, Map<String, Object> detail, String note) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("conflictId", conflict.id());
        all.put("saleId", conflict.saleId());
        all.putAll(detail);
        if (note != null) {
            all.put("note", note);
        }
        jdbc.update("INSERT INTO audit_event (at, actor, kind, subject, detail) VALUES (?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), truncate(caller.actor(), 100), kind,
                conflict.orderId(), JSON.writeValueAsString(all));
    }

    private static Conflict conflict(ResultSet rs) throws SQLException {
        return new Conflict(rs.getString("id"), rs.getString("sale_id"), rs.getString("performance_id"),
                rs.getString("terminal_id"), rs.getString("order_id"), rs.getString("category"), split(rs.getString("wanted_seats")),
                JSON.readValue(rs.getString("taken_by"), TAKEN), rs.getString("resolution"), split(rs.getString("new_seats")),
                rs.getString("status"), rs.getString("action"), rs.getString("resolved_by"), instant(rs, "resolved_at"),
                rs.getString("note"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static String ticketId(String orderId, String seatId) {
        return UUID.nameUUIDFromBytes((orderId + "/" + seatId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Seats per category as a person reads them: "2 seats in A and 1 seat in B". */
    static String perCategory(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(counts).forEach((category, n) -> parts.add(n + (n == 1 ? " seat" : " seats") + " in " + category));
        if (parts.isEmpty()) {
            return "no seats";
        }
        return parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}

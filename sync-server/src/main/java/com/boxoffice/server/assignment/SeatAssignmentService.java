package com.boxoffice.server.assignment;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.terminal.TerminalEntity;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.terminal.Caller;
import com.boxoffice.server.web.ApiException;

import io.lettuce.core.KeyValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managers' seat assignments: blocking seats (house seats, a broken seat) and allocating seats to a
 * terminal, which may then sell them while it has no connection. Each call changes the live state
 * (Redis) and the durable one ({@code seat_assignment}), so a rebuild of the live state and a
 * terminal's snapshot both see what managers decided.
 *
 * <p>Under a per-performance advisory lock and in one transaction: the action is applied in Redis
 * (to the seats it applies to; the others are left as they are and answered unchanged), the asked
 * seats' states are read back from Redis and {@code seat_assignment} is made to agree with them, and
 * the call is audited. The rows follow the state Redis holds, not what this call changed: a call
 * repeated after the server stopped between the Redis step and the commit finds the seats changed
 * already and still writes their rows. Held and sold seats keep whatever row they have, since no
 * action applies to them and a seat sold from its allocation keeps its allocation row (see
 * {@link com.boxoffice.core.sale.SeatStateRebuild}).
 */
@Service
public class SeatAssignmentService {

    public static final int MAX_SEATS = 2000;
    public static final int MAX_REASON = 150;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a manager may do to seats: which state each takes a seat from, and to. */
    public enum Action {
        BLOCK('.', 'B', "SEATS_BLOCKED"),
        UNBLOCK('B', '.', "SEATS_UNBLOCKED"),
        ALLOCATE('.', 'A', "SEATS_ALLOCATED"),
        DEALLOCATE('A', '.', "SEATS_DEALLOCATED");

        private final char from;
        private final char to;
        private final String auditKind;

        Action(char from, char to, String auditKind) {
            this.from = from;
            this.to = to;
            this.auditKind = auditKind;
        }

        boolean needsTerminal() {
            return this == ALLOCATE || this == DEALLOCATE;
        }
    }

    /**
     * The answer to a call.
     *
     * @param changed   seats whose state this call changed
     * @param unchanged the other seats asked for: already as wanted, or in a state the action does not apply to
     */
    public record Answer(String performanceId, Action action, List<String> changed, List<String> unchanged) {
    }

    /** What the Redis step did: the seats it was applied to, and those of them it changed. */
    private record Applied(Set<String> appliedTo, Set<String> changed) {
    }

    /** A seat's {@code seat_assignment} row. */
    private record Assignment(String state, String reason, String terminalId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RedisHoldStore holds;
    private final CatalogSeatings catalog;
    private final SeatStates seatStates;
    private final PerformanceRepository performances;
    private final TerminalRepository terminals;
    private final Clock clock;

    public SeatAssignmentService(JdbcTemplate jdbc, TransactionTemplate tx, RedisHoldStore holds, CatalogSeatings catalog,
                                 SeatStates seatStates, PerformanceRepository performances, TerminalRepository terminals,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.holds = holds;
        this.catalog = catalog;
        this.seatStates = seatStates;
        this.performances = performances;
        this.terminals = terminals;
        this.clock = clock;
    }

    /**
     * Applies a manager's action to seats of a performance. Everything is checked before anything
     * changes: an unknown performance, seat or terminal, a seat named twice or a block without a
     * reason is refused and changes nothing.
     *
     * @param reason     why, required for BLOCK; kept as the block's reason and in the audit trail
     * @param terminalId the terminal seats are allocated to or taken from; required for ALLOCATE and DEALLOCATE
     */
    public Answer apply(Caller caller, String performanceId, Action action, List<String> seatIds, String reason,
                        String terminalId) {
        if (caller.terminalId() == null || caller.staffId() == null) {
            throw ApiException.forbidden("Only a manager terminal, naming the signed-in manager, may block or allocate seats.");
        }
        if (!performances.existsById(performanceId)) {
            throw ApiException.notFound("No performance " + performanceId + ".");
        }
        SeatLayout layout = catalog.seating(performanceId).layout();
        checkSeats(layout, seatIds);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (action == Action.BLOCK && why == null) {
            throw ApiException.badRequest("reason-required", "Say why the seats are blocked in reason.");
        }
        String terminal = null;
        if (action.needsTerminal()) {
            terminal = terminalId == null || terminalId.isBlank() ? null : terminalId.strip();
            if (terminal == null) {
                throw ApiException.badRequest("terminal-required", "Name the terminal in terminalId.");
            }
            TerminalEntity found = terminals.findById(terminal)
                    .orElseThrow(() -> ApiException.badRequest("unknown-terminal", "No terminal " + terminalId.strip()
                            + " is registered."));
            if (action == Action.ALLOCATE && !found.isActive()) {
                throw ApiException.badRequest("terminal-revoked", "Terminal " + terminal
                        + " has been revoked; allocate the seats to a terminal in use.");
            }
        }
        seatStates.ensureLoaded(performanceId);
        try {
            return applyLocked(caller, performanceId, action, seatIds, why, terminal, layout);
        } catch (UnknownPerformanceException e) {
            // Redis lost the performance since it was loaded: load it from the database and go again
            seatStates.reload(performanceId);
            return applyLocked(caller, performanceId, action, seatIds, why, terminal, layout);
        }
    }

    private static void checkSeats(SeatLayout layout, List<String> seatIds) {
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String seatId : seatIds) {
            if (layout.indexOf(seatId) < 0) {
                unknown.add(seatId);
            } else if (!seen.add(seatId)) {
                throw ApiException.badRequest("seat-twice", "Seat " + seatId + " is named twice.");
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown-seat", "The performance's venue has no seat "
                    + String.join(", ", unknown.subList(0, Math.min(unknown.size(), 20)))
                    + (unknown.size() > 20 ? " (and " + (unknown.size() - 20) + " more)" : "") + ".");
        }
    }

    private Answer applyLocked(Caller caller, String performanceId, Action action, List<String> seatIds, String reason,
                               String terminalId, SeatLayout layout) {
        return tx.execute(status -> {
            lockPerformance(performanceId);
            Applied applied = applyInRedis(performanceId, action, seatIds, reason, terminalId, layout);
            String states = holds.availability(performanceId).states();
            List<String> recorded = record(performanceId, action, seatIds, reason, terminalId, applied, layout, states);
            List<String> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (String seatId : seatIds) {
                (applied.changed().contains(seatId) ? changed : unchanged).add(seatId);
            }
            if (!changed.isEmpty() || !recorded.isEmpty()) {
                audit(caller, performanceId, action, changed, recorded, reason, terminalId);
            }
            return new Answer(performanceId, action, changed, unchanged);
        });
    }

    /** Makes manager calls on one performance take turns until the transaction ends, on every server instance. */
    private void lockPerformance(String performanceId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "seat-assignment/" + performanceId);
    }

    /**
     * Applies the action in Redis to the asked seats that are in the state it takes seats from or
     * already in the one it leaves them in. The script changes all seats or none, so a seat taken
     * meanwhile (a hold, a sale, a terminal's own allocation) is left out and the rest sent again.
     */
    private Applied applyInRedis(String performanceId, Action action, List<String> seatIds, String reason, String terminalId,
                                 SeatLayout layout) {
        String before = holds.availability(performanceId).states();
        List<String> wanted = new ArrayList<>();
        for (String seatId : seatIds) {
            char state = before.charAt(layout.indexOf(seatId));
            if (state == action.from || state == action.to) {
                wanted.add(seatId);
            }
        }
        while (!wanted.isEmpty()) {
            try {
                List<String> changed = switch (action) {
                    case BLOCK -> holds.block(performanceId, wanted, reason);
                    case UNBLOCK -> holds.unblock(performanceId, wanted);
                    case ALLOCATE -> holds.allocate(performanceId, wanted, terminalId);
                    case DEALLOCATE -> holds.deallocate(performanceId, wanted, terminalId);
                };
                return new Applied(new HashSet<>(wanted), new HashSet<>(changed));
            } catch (SeatUnavailableException e) {
                if (!wanted.removeAll(e.seatIds())) {
                    throw e;
                }
            }
        }
        return new Applied(Set.of(), Set.of());
    }

    /**
     * Makes {@code seat_assignment} agree with Redis for the asked seats: a blocked seat has a BLOCKED
     * row (keeping the reason of a block made before), an allocated seat an ALLOCATED row naming its
     * terminal, an available seat no row. Held and sold seats are left as they are.
     *
     * @return the seats whose row was written or removed
     */
    private List<String> record(String performanceId, Action action, List<String> seatIds, String reason, String terminalId,
                                Applied applied, SeatLayout layout, String states) {
        Map<String, Assignment> rows = rows(performanceId, seatIds);
        List<Object[]> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<String> ownerUnknown = new ArrayList<>();
        for (String seatId : seatIds) {
            Assignment row = rows.get(seatId);
            char state = states.charAt(layout.indexOf(seatId));
            boolean appliedHere = applied.appliedTo().contains(seatId);
            if (state == 'B') {
                if (row != null && "BLOCKED".equals(row.state())) {
                    continue;
                }
                if (action == Action.BLOCK && applied.changed().contains(seatId)) {
                    upserts.add(new Object[] {performanceId, seatId, "BLOCKED", reason, null});
                } else {
                    ownerUnknown.add(seatId);
                }
            } else if (state == 'A') {
                if (action == Action.ALLOCATE && appliedHere) {
                    if (row == null || !"ALLOCATED".equals(row.state()) || !terminalId.equals(row.terminalId())) {
                        upserts.add(new Object[] {performanceId, seatId, "ALLOCATED", null, terminalId});
                    }
                } else if (row == null || !"ALLOCATED".equals(row.state())) {
                    ownerUnknown.add(seatId);
                }
            } else if (state == '.') {
                if (row != null) {
                    deletes.add(seatId);
                }
            }
        }
        if (!ownerUnknown.isEmpty()) {
            upserts.addAll(fromRedisOwners(performanceId, ownerUnknown, layout, states));
        }
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO seat_assignment (performance_id, seat_id, state, reason, terminal_id) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (performance_id, seat_id) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,"
                            + " terminal_id = EXCLUDED.terminal_id", upserts,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        }
        if (!deletes.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("DELETE FROM seat_assignment WHERE performance_id = ? AND seat_id = ANY(?::varchar[])");
                ps.setString(1, performanceId);
                ps.setArray(2, con.createArrayOf("varchar", deletes.toArray()));
                return ps;
            });
        }
        Set<String> recorded = new LinkedHashSet<>(deletes);
        for (Object[] upsert : upserts) {
            recorded.add((String) upsert[1]);
        }
        return seatIds.stream().filter(recorded::contains).toList();
    }

    private Map<String, Assignment> rows(String performanceId, List<String> seatIds) {
        Map<String, Assignment> rows = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT seat_id, state, reason, terminal_id FROM seat_assignment"
                    + " WHERE performance_id = ? AND seat_id = ANY(?::varchar[])");
            ps.setString(1, performanceId);
            ps.setArray(2, con.createArrayOf("varchar", seatIds.toArray()));
            return ps;
        }, rs -> {
            rows.put(rs.getString(1), new Assignment(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
        return rows;
    }

    /**
     * Rows for blocked or allocated seats this call did not set and the database does not know (set
     * in Redis by an earlier call that did not get as far as its commit, or before seats were
     * recorded here): the block's reason or the allocation's terminal as Redis keeps it. An allocation whose owner is not a registered terminal (a hold id read while
     * the seat was briefly held) is left for a later call.
     */
    private List<Object[]> fromRedisOwners(String performanceId, List<String> seatIds, SeatLayout layout, String states) {
        String[] fields = seatIds.stream().map(id -> Integer.toString(layout.indexOf(id))).toArray(String[]::new);
        Map<String, String> owners = new HashMap<>();
        for (KeyValue<String, String> owner : holds.scripts().connection().sync().hmget(RedisKeys.of(performanceId)[2], fields)) {
            if (owner.hasValue()) {
                owners.put(layout.seatId(Integer.parseInt(owner.getKey())), owner.getValue());
            }
        }
        Set<String> registered = new HashSet<>();
        List<String> named = owners.values().stream().distinct().toList();
        if (!named.isEmpty()) {
            jdbc.query(con -> {
                var ps = con.prepareStatement("SELECT id FROM terminal WHERE id = ANY(?::varchar[])");
                ps.setArray(1, con.createArrayOf("varchar", named.toArray()));
                return ps;
            }, rs -> {
                registered.add(rs.getString(1));
            });
        }
        List<Object[]> upserts = new ArrayList<>();
        for (String seatId : seatIds) {
            String owner = owners.get(seatId);
            if (states.charAt(layout.indexOf(seatId)) == 'B') {
                upserts.add(new Object[] {performanceId, seatId, "BLOCKED", truncate(owner, 200), null});
            } else if (owner != null && registered.contains(owner)) {
                upserts.add(new Object[] {performanceId, seatId, "ALLOCATED", null, owner});
            }
        }
        return upserts;
    }

    private void audit(Caller caller, String performanceId, Action action, List<String> changed, List<String> recorded,
                       String reason, String terminalId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("seats", changed);
        if (!recorded.equals(changed)) {
            detail.put("recorded", recorded);
        }
        if (reason != null) {
            detail.put("reason", reason);
        }
        if (terminalId != null) {
            detail.put("terminalId", terminalId);
        }
        detail.put("managerTerminal", caller.terminalId());
        jdbc.update("INSERT INTO audit_event (at, actor, kind, subject, detail) VALUES (?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), truncate(caller.staffId(), 100), action.auditKind,
                "performance:" + performanceId, JSON.writeValueAsString(detail));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

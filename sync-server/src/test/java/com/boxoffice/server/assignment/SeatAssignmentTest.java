package com.boxoffice.server.assignment;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.sale.SeatStateRebuild;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;

/**
 * Managers block seats and allocate them to terminals through the sync server: the live state in
 * Redis and the durable {@code seat_assignment} rows agree after every call, a terminal's snapshot
 * lists its allocation, a rebuild of Redis from the database brings blocks and allocations back,
 * and refused calls change nothing.
 */
class SeatAssignmentTest extends SyncTestBase {

    private static final List<String> THREE = List.of("STALLS-E-10", "STALLS-E-11", "STALLS-E-12");
    private static final List<String> TWO = List.of("STALLS-A-6", "STALLS-A-7");

    @Autowired
    private SeatStateRebuild rebuild;

    private SyncFixture.Manager manager;
    private String perf;
    private String till;
    private String tillCredential;
    private String kiosk;
    private String kioskCredential;

    @BeforeEach
    void aPerformanceAndTwoTerminals() {
        manager = fx.manager();
        perf = fx.newPerformance();
        till = fx.newTerminalId();
        tillCredential = fx.register(manager, till, TerminalKind.BOX_OFFICE);
        kiosk = fx.newTerminalId();
        kioskCredential = fx.register(manager, kiosk, TerminalKind.KIOSK);
    }

    private SyncFixture.Response seats(String credential, String staffId, Map<String, Object> body) {
        Map<String, String> headers = staffId == null ? Map.of() : Map.of("X-Staff-Id", staffId);
        return fx.send("POST", "/sync/v1/performances/" + perf + "/seats", credential, headers, body);
    }

    private static Map<String, Object> body(String action, List<String> seatIds, String reason, String terminalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("seatIds", seatIds);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (terminalId != null) {
            body.put("terminalId", terminalId);
        }
        return body;
    }

    /** A manager's call that must be answered 200. */
    private JsonNode ok(String action, List<String> seatIds, String reason, String terminalId) {
        SyncFixture.Response r = seats(manager.credential(), manager.staffId(), body(action, seatIds, reason, terminalId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get("performanceId").asString()).isEqualTo(perf);
        assertThat(answer.get("action").asString()).isEqualTo(action);
        return answer;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The performance's seat_assignment rows, as "seat state reason terminal". */
    private List<String> rows() {
        return fx.jdbc().queryForList("SELECT seat_id || ' ' || state || ' ' || coalesce(reason, '-') || ' '"
                + " || coalesce(terminal_id, '-') FROM seat_assignment WHERE performance_id = ? ORDER BY seat_id", String.class, perf);
    }

    private long audits(String kind) {
        return fx.count("SELECT count(*) FROM audit_event WHERE kind = ? AND subject = ?", kind, "performance:" + perf);
    }

    private List<String> allocatedToYou(String credential) {
        SyncFixture.Response r = fx.get("/sync/v1/performances/" + perf + "/snapshot", credential);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return list(r.json().get("allocatedToYou"));
    }

    private String managerTerminal() {
        return manager.credential().split("\\.")[0];
    }

    @Test
    void allocatedSeatsAreRecordedAndListedInTheTerminalsSnapshotUntilTakenBack() {
        JsonNode allocated = ok("ALLOCATE", THREE, null, till);

        assertThat(list(allocated.get("changed"))).isEqualTo(THREE);
        assertThat(list(allocated.get("unchanged"))).isEmpty();
        for (String seat : THREE) {
            assertThat(fx.state(perf, seat)).isEqualTo('A');
        }
        assertThat(rows()).containsExactly("STALLS-E-10 ALLOCATED - " + till, "STALLS-E-11 ALLOCATED - " + till,
                "STALLS-E-12 ALLOCATED - " + till);
        assertThat(allocatedToYou(tillCredential)).isEqualTo(THREE);
        assertThat(allocatedToYou(kioskCredential)).isEmpty();
        JsonNode audit = SyncFixture.JSON.readTree(fx.jdbc().queryForObject("SELECT detail FROM audit_event WHERE kind = 'SEATS_ALLOCATED'"
                + " AND subject = ? AND actor = ?", String.class, "performance:" + perf, manager.staffId()));
        assertThat(list(audit.get("seats"))).isEqualTo(THREE);
        assertThat(audit.get("terminalId").asString()).isEqualTo(till);
        assertThat(audit.get("managerTerminal").asString()).isEqualTo(managerTerminal());

        JsonNode taken = ok("DEALLOCATE", THREE, null, till);

        assertThat(list(taken.get("changed"))).isEqualTo(THREE);
        for (String seat : THREE) {
            assertThat(fx.state(perf, seat)).isEqualTo('.');
        }
        assertThat(rows()).isEmpty();
        assertThat(allocatedToYou(tillCredential)).isEmpty();
        assertThat(audits("SEATS_DEALLOCATED")).isEqualTo(1);
    }

    @Test
    void blockedSeatsKeepTheirReasonUntilUnblocked() {
        JsonNode blocked = ok("BLOCK", TWO, "house seats", null);

        assertThat(list(blocked.get("changed"))).isEqualTo(TWO);
        assertThat(fx.state(perf, "STALLS-A-6")).isEqualTo('B');
        assertThat(fx.state(perf, "STALLS-A-7")).isEqualTo('B');
        assertThat(rows()).containsExactly("STALLS-A-6 BLOCKED house seats -", "STALLS-A-7 BLOCKED house seats -");
        assertThat(audits("SEATS_BLOCKED")).isEqualTo(1);

        // blocking one of them again, with another seat and another reason, leaves the first block as it was
        JsonNode again = ok("BLOCK", List.of("STALLS-A-7", "STALLS-A-8"), "broken seat", null);

        assertThat(list(again.get("changed"))).containsExactly("STALLS-A-8");
        assertThat(list(again.get("unchanged"))).containsExactly("STALLS-A-7");
        assertThat(rows()).containsExactly("STALLS-A-6 BLOCKED house seats -", "STALLS-A-7 BLOCKED house seats -",
                "STALLS-A-8 BLOCKED broken seat -");

        JsonNode unblocked = ok("UNBLOCK", List.of("STALLS-A-6", "STALLS-A-7", "STALLS-A-8"), null, null);

        assertThat(list(unblocked.get("changed"))).containsExactly("STALLS-A-6", "STALLS-A-7", "STALLS-A-8");
        assertThat(fx.state(perf, "STALLS-A-6")).isEqualTo('.');
        assertThat(fx.state(perf, "STALLS-A-8")).isEqualTo('.');
        assertThat(rows()).isEmpty();
        assertThat(audits("SEATS_UNBLOCKED")).isEqualTo(1);
    }

    @Test
    void seatsInAStateTheActionDoesNotApplyToAreLeftAsTheyAreAndAnsweredUnchanged() {
        fx.upload(tillCredential, till, List.of(sale(1, perf, "AT_RISK", "STALLS-A-1")));
        ok("ALLOCATE", List.of("STALLS-E-1"), null, kiosk);

        // sold: cannot be blocked; allocated to the kiosk: neither blocked nor allocated to the till
        JsonNode blocked = ok("BLOCK", List.of("STALLS-A-1", "STALLS-A-2", "STALLS-E-1"), "camera", null);
        JsonNode allocated = ok("ALLOCATE", List.of("STALLS-E-1", "STALLS-A-1", "STALLS-E-2"), null, till);
        JsonNode taken = ok("DEALLOCATE", List.of("STALLS-E-1", "STALLS-A-2"), null, till);
        JsonNode unblocked = ok("UNBLOCK", List.of("STALLS-A-1", "STALLS-E-2"), null, null);

        assertThat(list(blocked.get("changed"))).containsExactly("STALLS-A-2");
        assertThat(list(blocked.get("unchanged"))).containsExactly("STALLS-A-1", "STALLS-E-1");
        assertThat(list(allocated.get("changed"))).containsExactly("STALLS-E-2");
        assertThat(list(allocated.get("unchanged"))).containsExactly("STALLS-E-1", "STALLS-A-1");
        assertThat(list(taken.get("changed"))).isEmpty();
        assertThat(list(taken.get("unchanged"))).containsExactly("STALLS-E-1", "STALLS-A-2");
        assertThat(list(unblocked.get("changed"))).isEmpty();
        assertThat(fx.state(perf, "STALLS-A-1")).isEqualTo('S');
        assertThat(fx.state(perf, "STALLS-A-2")).isEqualTo('B');
        assertThat(fx.state(perf, "STALLS-E-1")).isEqualTo('A');
        assertThat(fx.state(perf, "STALLS-E-2")).isEqualTo('A');
        assertThat(rows()).containsExactly("STALLS-A-2 BLOCKED camera -", "STALLS-E-1 ALLOCATED - " + kiosk,
                "STALLS-E-2 ALLOCATED - " + till);
        assertThat(allocatedToYou(kioskCredential)).containsExactly("STALLS-E-1");
        assertThat(allocatedToYou(tillCredential)).containsExactly("STALLS-E-2");
        // calls that changed nothing leave nothing in the audit trail
        assertThat(audits("SEATS_DEALLOCATED")).isZero();
        assertThat(audits("SEATS_UNBLOCKED")).isZero();
    }

    @Test
    void aRebuildOfRedisFromTheDatabaseBringsBlocksAndAllocationsBack() {
        fx.upload(tillCredential, till, List.of(sale(1, perf, "AT_RISK", "STALLS-C-1")));
        ok("ALLOCATE", THREE, null, till);
        ok("BLOCK", TWO, "house seats", null);
        ok("ALLOCATE", List.of("STALLS-B-1"), null, kiosk);
        String before = fx.states(perf);

        RedisClient client = RedisClient.create(SyncFixture.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().del(RedisKeys.of(perf))).isPositive();
        } finally {
            client.shutdown();
        }
        rebuild.rebuild(perf);

        String after = holds.availability(perf).states();
        assertThat(after).isEqualTo(before);
        assertThat(after.charAt(SyncFixture.seatIndex("STALLS-E-10"))).isEqualTo('A');
        assertThat(after.charAt(SyncFixture.seatIndex("STALLS-A-6"))).isEqualTo('B');
        assertThat(after.charAt(SyncFixture.seatIndex("STALLS-C-1"))).isEqualTo('S');
        assertThat(allocatedToYou(tillCredential)).isEqualTo(THREE);
        assertThat(allocatedToYou(kioskCredential)).containsExactly("STALLS-B-1");
        // the live state knows who owns what again: the till may not take back the kiosk's seat
        assertThat(list(ok("DEALLOCATE", List.of("STALLS-B-1"), null, till).get("changed"))).isEmpty();
        assertThat(list(ok("UNBLOCK", List.of("STALLS-A-6"), null, null).get("changed"))).containsExactly("STALLS-A-6");
    }

    @Test
    void aRepeatedCallChangesNothingAndLeavesTheSameRows() {
        ok("ALLOCATE", THREE, null, till);
        ok("BLOCK", TWO, "house seats", null);
        String states = fx.states(perf);
        List<String> rows = rows();
        long audits = fx.count("SELECT count(*) FROM audit_event WHERE subject = ?", "performance:" + perf);

        JsonNode allocated = ok("ALLOCATE", THREE, null, till);
        JsonNode blocked = ok("BLOCK", TWO, "house seats", null);

        assertThat(list(allocated.get("changed"))).isEmpty();
        assertThat(list(allocated.get("unchanged"))).isEqualTo(THREE);
        assertThat(list(blocked.get("changed"))).isEmpty();
        assertThat(list(blocked.get("unchanged"))).isEqualTo(TWO);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(rows()).isEqualTo(rows);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE subject = ?", "performance:" + perf)).isEqualTo(audits);
    }

    @Test
    void aCallRepeatedAfterItsRedisStepOutlivedTheTransactionWritesTheRows() {
        // what an attempt that stopped after changing Redis and before its commit leaves behind
        fx.states(perf);
        holds.allocate(perf, THREE, till);
        holds.block(perf, TWO, "house seats");
        assertThat(rows()).isEmpty();

        JsonNode allocated = ok("ALLOCATE", THREE, null, till);
        JsonNode blocked = ok("BLOCK", TWO, "house seats", null);

        // Redis had nothing left to change, yet the rows are what the first attempt should have written
        assertThat(list(allocated.get("changed"))).isEmpty();
        assertThat(list(blocked.get("changed"))).isEmpty();
        assertThat(rows()).containsExactly("STALLS-A-6 BLOCKED house seats -", "STALLS-A-7 BLOCKED house seats -",
                "STALLS-E-10 ALLOCATED - " + till, "STALLS-E-11 ALLOCATED - " + till, "STALLS-E-12 ALLOCATED - " + till);
        assertThat(allocatedToYou(tillCredential)).isEqualTo(THREE);
        JsonNode audit = SyncFixture.JSON.readTree(fx.jdbc().queryForObject("SELECT detail FROM audit_event WHERE kind = 'SEATS_ALLOCATED'"
                + " AND subject = ?", String.class, "performance:" + perf));
        assertThat(list(audit.get("seats"))).isEmpty();
        assertThat(list(audit.get("recorded"))).isEqualTo(THREE);
    }

    @Test
    void refusedCallsAnswerAProblemAndChangeNothing() {
        ok("BLOCK", List.of("STALLS-A-1"), "house seats", null);
        String states = fx.states(perf);
        List<String> rows = rows();
        long audits = fx.count("SELECT count(*) FROM audit_event WHERE subject = ?", "performance:" + perf);
        List<String> free = List.of("STALLS-D-1", "STALLS-D-2");
        String unknownStaff = "nobody" + Long.toHexString(System.nanoTime());

        List<SyncFixture.Response> unauthorized = List.of(
                seats(managerTerminal() + ".forged-secret", manager.staffId(), body("BLOCK", free, "x", null)),
                seats("no-such-terminal.secret", manager.staffId(), body("BLOCK", free, "x", null)));
        List<SyncFixture.Response> forbidden = List.of(
                // a real credential, but of a box-office terminal, even with a manager named
                seats(tillCredential, manager.staffId(), body("BLOCK", free, "x", null)),
                seats(manager.credential(), unknownStaff, body("BLOCK", free, "x", null)),
                seats(manager.credential(), null, body("UNBLOCK", List.of("STALLS-A-1"), null, null)),
                seats("bootstrap." + SyncFixture.BOOTSTRAP_TOKEN, null, body("UNBLOCK", List.of("STALLS-A-1"), null, null)));
        List<SyncFixture.Response> bad = List.of(
                seats(manager.credential(), manager.staffId(), body("BLOCK", List.of("STALLS-D-1", "STALLS-Z-99"), "x", null)),
                seats(manager.credential(), manager.staffId(), body("BLOCK", free, null, null)),
                seats(manager.credential(), manager.staffId(), body("BLOCK", free, "  ", null)),
                seats(manager.credential(), manager.staffId(), body("BLOCK", free, "x".repeat(151), null)),
                seats(manager.credential(), manager.staffId(), body("PAINT", free, "x", null)),
                seats(manager.credential(), manager.staffId(), body("ALLOCATE", free, null, null)),
                seats(manager.credential(), manager.staffId(), body("ALLOCATE", free, null, "no-such-terminal")),
                seats(manager.credential(), manager.staffId(), body("DEALLOCATE", free, null, null)),
                seats(manager.credential(), manager.staffId(), body("BLOCK", List.of("STALLS-D-1", "STALLS-D-1"), "x", null)),
                seats(manager.credential(), manager.staffId(), body("BLOCK", List.of(), "x", null)),
                seats(manager.credential(), manager.staffId(), body("UNBLOCK", null, null, null)));
        SyncFixture.Response unknownPerformance = fx.send("POST", "/sync/v1/performances/nope/seats", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), body("BLOCK", free, "x", null));

        unauthorized.forEach(r -> r.assertProblem(401));
        forbidden.forEach(r -> r.assertProblem(403));
        bad.forEach(r -> r.assertProblem(400));
        unknownPerformance.assertProblem(404);
        assertThat(bad.get(0).json().get("detail").asString()).contains("STALLS-Z-99").doesNotContain("STALLS-D-1");
        assertThat(bad.get(0).json().get("type").asString()).endsWith("/unknown-seat");
        assertThat(bad.get(1).json().get("type").asString()).endsWith("/reason-required");
        assertThat(bad.get(5).json().get("type").asString()).endsWith("/terminal-required");
        assertThat(bad.get(6).json().get("type").asString()).endsWith("/unknown-terminal");
        assertThat(forbidden.get(1).json().get("detail").asString()).isEqualTo(unknownStaff + " is not an active manager.");
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(rows()).isEqualTo(rows);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE subject = ?", "performance:" + perf)).isEqualTo(audits);
    }

}

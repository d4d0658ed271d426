package com.boxoffice.server.terminalside;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncConflict;
import com.boxoffice.core.sync.SyncRefusedException;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/**
 * A manager's client (the core's {@link SyncClient}) listing and deciding sync conflicts against the
 * real sync server over HTTP: the conflict two terminals made by selling one seat, a decision and
 * who it is recorded under, and credentials the server refuses.
 */
class ConflictClientTest extends SyncTestBase {

    private SyncFixture.Manager manager;
    private String perf;
    private String first;
    private String window;
    private String windowCredential;
    private Map<String, Object> firstSale;
    private Map<String, Object> lateSale;
    private String conflictId;
    private String reseatedTo;

    /** Two terminals sold STALLS-A-7; the second to arrive is re-seated. */
    @BeforeEach
    void twoTerminalsSellOneSeat() {
        manager = fx.manager();
        perf = fx.newPerformance();
        first = fx.newTerminalId();
        String firstCredential = fx.register(manager, first, TerminalKind.BOX_OFFICE);
        window = fx.newTerminalId();
        windowCredential = fx.register(manager, window, TerminalKind.BOX_OFFICE);
        firstSale = sale(1, perf, "AT_RISK", "STALLS-A-7");
        fx.upload(firstCredential, first, List.of(firstSale));
        lateSale = sale(1, perf, "AT_RISK", "STALLS-A-7");
        JsonNode outcome = fx.upload(windowCredential, window, List.of(lateSale)).get(lateSale.get("saleId"));
        assertThat(outcome.get("outcome").asString()).isEqualTo("RESEATED");
        conflictId = outcome.get("conflictId").asString();
        reseatedTo = outcome.get("seats").get(0).asString();
    }

    private SyncClient client(String credential) {
        return new SyncClient(URI.create("http://127.0.0.1:" + port), credential, Duration.ofSeconds(10));
    }

    /** This test's conflicts: the server's database is shared with other test classes. */
    private List<SyncConflict> mine(List<SyncConflict> conflicts) {
        return conflicts.stream().filter(c -> c.performanceId().equals(perf)).toList();
    }

    private String status() {
        return fx.jdbc().queryForObject("SELECT status FROM sync_conflict WHERE id = ?", String.class, conflictId);
    }

    @Test
    void aManagerSeesTheConflictAndKeepingTheNewSeatsResolvesItUnderTheirStaffId() {
        SyncClient client = client(manager.credential());
        Instant before = Instant.now();

        List<SyncConflict> open = mine(client.conflicts("OPEN", manager.staffId()));

        assertThat(open).extracting(SyncConflict::id).containsExactly(conflictId);
        SyncConflict conflict = open.getFirst();
        assertThat(conflict.status()).isEqualTo("OPEN");
        assertThat(conflict.performanceId()).isEqualTo(perf);
        assertThat(conflict.terminalId()).isEqualTo(window);
        assertThat(conflict.orderId()).isEqualTo(lateSale.get("orderId"));
        assertThat(conflict.saleId()).isEqualTo(lateSale.get("saleId"));
        assertThat(conflict.category()).isEqualTo("A");
        assertThat(conflict.wantedSeats()).containsExactly("STALLS-A-7");
        assertThat(conflict.takenBy()).containsExactly(
                new SyncConflict.TakenSeat("STALLS-A-7", "SOLD", (String) firstSale.get("orderId")));
        assertThat(conflict.resolution()).isEqualTo("RESEATED");
        assertThat(conflict.newSeats()).containsExactly(reseatedTo);
        assertThat(SyncFixture.categoryOf(reseatedTo)).isEqualTo("A");
        assertThat(conflict.createdAt()).isBefore(before);
        assertThat(conflict.action()).isNull();
        assertThat(conflict.resolvedBy()).isNull();
        assertThat(mine(client.conflicts("RESOLVED", manager.staffId()))).isEmpty();

        SyncConflict resolved = client.resolve(conflictId, "ACCEPT_RESEAT", null, "buyer is happy", manager.staffId());

        assertThat(resolved.id()).isEqualTo(conflictId);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.action()).isEqualTo("ACCEPT_RESEAT");
        assertThat(resolved.resolvedBy()).isEqualTo(manager.staffId() + "@" + manager.credential().split("\\.")[0]);
        assertThat(resolved.resolvedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(resolved.note()).isEqualTo("buyer is happy");
        assertThat(resolved.newSeats()).containsExactly(reseatedTo);
        assertThat(mine(client.conflicts("OPEN", manager.staffId()))).isEmpty();
        assertThat(mine(client.conflicts("RESOLVED", manager.staffId()))).containsExactly(resolved);
        // stored: resolved under the manager, the buyer keeps the new seat, the first buyer theirs
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'SYNC_CONFLICT_ACCEPT_RESEAT' AND actor = ?",
                resolved.resolvedBy())).isEqualTo(1);
        assertThat(fx.state(perf, reseatedTo)).isEqualTo('S');
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE'", String.class,
                lateSale.get("orderId"))).containsExactly(reseatedTo);
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE'", String.class,
                firstSale.get("orderId"))).containsExactly("STALLS-A-7");
    }

    @Test
    void aDecisionTheServerRefusesComesBackAsItsProblemAndChangesNothing() {
        SyncClient client = client(manager.credential());

        assertThatThrownBy(() -> client.resolve(conflictId, "MOVE", List.of("STALLS-E-1"), null, manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.credentialRefused()).isFalse();
                    assertThat(e.problemType()).isEqualTo("not-equivalent");
                    assertThat(e.detail()).contains("the seats named are 1 seat in B.").doesNotContain("{", "=");
                });
        assertThatThrownBy(() -> client.resolve(conflictId, "MOVE", List.of("STALLS-A-7"), null, manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problemType()).isEqualTo("seat-unavailable");
                });

        assertThat(status()).isEqualTo("OPEN");
        assertThat(fx.state(perf, reseatedTo)).isEqualTo('S');
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE'", String.class,
                lateSale.get("orderId"))).containsExactly(reseatedTo);
    }

    @Test
    void aForgedOrNonManagerCredentialIsRefusedAndChangesNothing() {
        String managerTerminal = manager.credential().split("\\.")[0];
        List<SyncClient> refused = List.of(
                client(managerTerminal + ".forged-secret"),
                client("no-such-terminal.secret"),
                // a real credential, but of a box-office terminal
                client(windowCredential));
        List<String> states = List.of(fx.states(perf));

        for (SyncClient client : refused) {
            assertThatThrownBy(() -> client.conflicts("OPEN", manager.staffId()))
                    .isInstanceOfSatisfying(SyncRefusedException.class, e -> assertThat(e.credentialRefused()).isTrue());
            assertThatThrownBy(() -> client.resolve(conflictId, "REFUND", null, "forged", manager.staffId()))
                    .isInstanceOfSatisfying(SyncRefusedException.class, e -> assertThat(e.credentialRefused()).isTrue());
        }
        // the manager terminal's own credential with someone who is not an active manager
        String clerk = "c" + Long.toHexString(System.nanoTime());
        assertThatThrownBy(() -> client(manager.credential()).resolve(conflictId, "REFUND", null, "not mine", clerk))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    // the terminal's credential is fine: the person is the problem, and the message says so
                    assertThat(e.credentialRefused()).isFalse();
                    assertThat(e.problemType()).isEqualTo("not-a-manager");
                    assertThat(e.detail()).isEqualTo(clerk + " is not an active manager.");
                    assertThat(e.getMessage()).contains("sign in as a manager").doesNotContain("register the terminal again");
                });

        assertThat(status()).isEqualTo("OPEN");
        assertThat(List.of(fx.states(perf))).isEqualTo(states);
        assertThat(fx.jdbc().queryForObject("SELECT status FROM sale_order WHERE id = ?", String.class, lateSale.get("orderId")))
                .isEqualTo("CONFIRMED");
        assertThat(fx.count("SELECT count(*) FROM refund WHERE order_id = ?", lateSale.get("orderId"))).isZero();
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind LIKE 'SYNC_CONFLICT_%' AND subject = ?",
                lateSale.get("orderId"))).isZero();
    }
}

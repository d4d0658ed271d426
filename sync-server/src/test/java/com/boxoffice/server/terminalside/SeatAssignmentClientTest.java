package com.boxoffice.server.terminalside;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncRefusedException;
import com.boxoffice.core.sync.SyncSeatsAnswer;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

/**
 * A manager's client (the core's {@link SyncClient}) blocking and allocating seats on the real sync
 * server over HTTP: the answer it gets, what the server stored, and calls the server refuses.
 */
class SeatAssignmentClientTest extends SyncTestBase {

    private SyncFixture.Manager manager;
    private String perf;
    private String till;
    private String tillCredential;

    @BeforeEach
    void aPerformanceWithOneSeatSold() {
        manager = fx.manager();
        perf = fx.newPerformance();
        till = fx.newTerminalId();
        tillCredential = fx.register(manager, till, TerminalKind.BOX_OFFICE);
        fx.upload(tillCredential, till, List.of(sale(1, perf, "AT_RISK", "STALLS-B-1")));
    }

    private SyncClient client(String credential) {
        return new SyncClient(URI.create("http://127.0.0.1:" + port), credential, Duration.ofSeconds(10));
    }

    private List<String> rows() {
        return fx.jdbc().queryForList("SELECT seat_id || ' ' || state || ' ' || coalesce(reason, '-') || ' '"
                + " || coalesce(terminal_id, '-') FROM seat_assignment WHERE performance_id = ? ORDER BY seat_id", String.class, perf);
    }

    private List<String> allocatedToYou(String credential) {
        List<String> seats = new ArrayList<>();
        fx.get("/sync/v1/performances/" + perf + "/snapshot", credential).json().get("allocatedToYou")
                .forEach(n -> seats.add(n.asString()));
        return seats;
    }

    @Test
    void aManagerAllocatesAndBlocksSeatsAndTheAnswerSaysWhichChanged() {
        SyncClient client = client(manager.credential());

        SyncSeatsAnswer allocated = client.seats(perf, "ALLOCATE", List.of("STALLS-D-1", "STALLS-D-2", "STALLS-B-1"), null, till,
                manager.staffId());
        SyncSeatsAnswer blocked = client.seats(perf, "BLOCK", List.of("STALLS-A-1", "STALLS-D-1"), "house seats", null,
                manager.staffId());

        assertThat(allocated).isEqualTo(new SyncSeatsAnswer(perf, "ALLOCATE", List.of("STALLS-D-1", "STALLS-D-2"),
                List.of("STALLS-B-1")));
        assertThat(blocked).isEqualTo(new SyncSeatsAnswer(perf, "BLOCK", List.of("STALLS-A-1"), List.of("STALLS-D-1")));
        assertThat(fx.state(perf, "STALLS-D-1")).isEqualTo('A');
        assertThat(fx.state(perf, "STALLS-A-1")).isEqualTo('B');
        assertThat(fx.state(perf, "STALLS-B-1")).isEqualTo('S');
        assertThat(rows()).containsExactly("STALLS-A-1 BLOCKED house seats -", "STALLS-D-1 ALLOCATED - " + till,
                "STALLS-D-2 ALLOCATED - " + till);
        assertThat(allocatedToYou(tillCredential)).containsExactly("STALLS-D-1", "STALLS-D-2");
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'SEATS_BLOCKED' AND actor = ? AND subject = ?",
                manager.staffId(), "performance:" + perf)).isEqualTo(1);

        SyncSeatsAnswer taken = client.seats(perf, "DEALLOCATE", List.of("STALLS-D-1", "STALLS-D-2"), null, till, manager.staffId());
        SyncSeatsAnswer unblocked = client.seats(perf, "UNBLOCK", List.of("STALLS-A-1"), null, null, manager.staffId());

        assertThat(taken.changed()).containsExactly("STALLS-D-1", "STALLS-D-2");
        assertThat(unblocked.changed()).containsExactly("STALLS-A-1");
        assertThat(rows()).isEmpty();
        assertThat(allocatedToYou(tillCredential)).isEmpty();
        assertThat(fx.state(perf, "STALLS-A-1")).isEqualTo('.');
    }

    @Test
    void aCallTheServerRefusesComesBackAsItsProblemAndChangesNothing() {
        String states = fx.states(perf);
        SyncClient managerClient = client(manager.credential());
        String clerk = "c" + Long.toHexString(System.nanoTime());

        assertThatThrownBy(() -> managerClient.seats(perf, "BLOCK", List.of("STALLS-A-1"), null, null, manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.credentialRefused()).isFalse();
                    assertThat(e.problemType()).isEqualTo("reason-required");
                });
        assertThatThrownBy(() -> managerClient.seats(perf, "ALLOCATE", List.of("STALLS-A-1", "STALLS-Q-1"), null, till,
                manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problemType()).isEqualTo("unknown-seat");
                    assertThat(e.detail()).contains("STALLS-Q-1");
                });
        assertThatThrownBy(() -> managerClient.seats("nope", "BLOCK", List.of("STALLS-A-1"), "x", null, manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client(tillCredential).seats(perf, "BLOCK", List.of("STALLS-A-1"), "x", null, manager.staffId()))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> assertThat(e.credentialRefused()).isTrue());
        assertThatThrownBy(() -> managerClient.seats(perf, "BLOCK", List.of("STALLS-A-1"), "x", null, clerk))
                .isInstanceOfSatisfying(SyncRefusedException.class, e -> {
                    assertThat(e.credentialRefused()).isFalse();
                    assertThat(e.problemType()).isEqualTo("not-a-manager");
                    assertThat(e.detail()).isEqualTo(clerk + " is not an active manager.");
                });

        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(rows()).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE subject = ?", "performance:" + perf)).isZero();
    }
}

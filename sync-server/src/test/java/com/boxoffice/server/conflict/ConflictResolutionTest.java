package com.boxoffice.server.conflict;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** Managers list sync conflicts and decide them: keep the new seats, refund, or move the buyer. */
class ConflictResolutionTest extends SyncTestBase {

    private SyncFixture.Manager manager;
    private String perf;
    private String window;
    private String windowCredential;
    private Map<String, Object> late;
    private String conflictId;
    private List<String> reseatedTo;

    @BeforeEach
    void aReseatedSale() {
        manager = fx.manager();
        perf = fx.newPerformance();
        String first = fx.newTerminalId();
        String firstCredential = fx.register(manager, first, TerminalKind.BOX_OFFICE);
        window = fx.newTerminalId();
        windowCredential = fx.register(manager, window, TerminalKind.BOX_OFFICE);
        fx.upload(firstCredential, first, List.of(sale(1, perf, "AT_RISK", "STALLS-A-6", "STALLS-A-7")));
        late = sale(1, perf, "AT_RISK", "STALLS-A-7");
        JsonNode outcome = fx.upload(windowCredential, window, List.of(late)).get(late.get("saleId"));
        conflictId = outcome.get("conflictId").asString();
        reseatedTo = List.of(outcome.get("seats").get(0).asString());
    }

    private SyncFixture.Response resolve(String action, List<String> seats, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (seats != null) {
            body.put("seatIds", seats);
        }
        body.put("note", note);
        return fx.send("POST", "/sync/v1/conflicts/" + conflictId + "/resolve", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), body);
    }

    @Test
    void openConflictsAreListedForManagersOnly() {
        SyncFixture.Response list = fx.send("GET", "/sync/v1/conflicts?status=OPEN", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), null);

        assertThat(list.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode c : list.json()) {
            if (c.get("id").asString().equals(conflictId)) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("resolution").asString()).isEqualTo("RESEATED");
        assertThat(mine.get("wantedSeats").get(0).asString()).isEqualTo("STALLS-A-7");
        assertThat(mine.get("takenBy").get(0).get("seatId").asString()).isEqualTo("STALLS-A-7");
        assertThat(mine.get("newSeats").get(0).asString()).isEqualTo(reseatedTo.get(0));
        assertThat(fx.get("/sync/v1/conflicts", windowCredential).status()).isEqualTo(403);
        assertThat(fx.send("GET", "/sync/v1/conflicts?status=MAYBE", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), null).status()).isEqualTo(400);
    }

    @Test
    void acceptingTheReseatClosesTheConflictAndKeepsTheNewSeats() {
        SyncFixture.Response r = resolve("ACCEPT_RESEAT", null, "buyer is happy");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(r.json().get("action").asString()).isEqualTo("ACCEPT_RESEAT");
        assertThat(r.json().get("resolvedBy").asString()).isEqualTo(manager.staffId() + "@" + manager.credential().split("\\.")[0]);
        assertThat(fx.state(perf, reseatedTo.get(0))).isEqualTo('S');
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'SYNC_CONFLICT_ACCEPT_RESEAT' AND subject = ?",
                late.get("orderId"))).isEqualTo(1);
        // decided once: another decision is refused
        assertThat(resolve("REFUND", null, null).status()).isEqualTo(409);
    }

    @Test
    void refundingFreesTheNewSeatsAndMarksTheOrderRefunded() {
        SyncFixture.Response r = resolve("REFUND", null, "buyer wants the money back");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(fx.state(perf, reseatedTo.get(0))).isEqualTo('.');
        assertThat(fx.jdbc().queryForObject("SELECT status FROM sale_order WHERE id = ?", String.class, late.get("orderId")))
                .isEqualTo("REFUNDED");
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'LIVE'", late.get("orderId"))).isZero();
        assertThat(fx.count("SELECT count(*) FROM refund WHERE order_id = ? AND amount_minor = 6000 AND status = 'COMPLETED'",
                late.get("orderId"))).isEqualTo(1);
        // the same decision sent again answers the conflict and frees nothing twice
        String states = fx.states(perf);
        assertThat(resolve("REFUND", null, "buyer wants the money back").status()).isEqualTo(200);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(fx.count("SELECT count(*) FROM refund WHERE order_id = ?", late.get("orderId"))).isEqualTo(1);
    }

    @Test
    void movingTakesTheChosenFreeSeatsOfTheSameCategoryAndGivesTheOthersBack() {
        SyncFixture.Response wrongCategory = resolve("MOVE", List.of("STALLS-E-1"), null);
        SyncFixture.Response taken = resolve("MOVE", List.of("STALLS-A-6"), null);
        assertThat(wrongCategory.status()).isEqualTo(400);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(fx.state(perf, reseatedTo.get(0))).isEqualTo('S');

        SyncFixture.Response moved = resolve("MOVE", List.of("STALLS-B-12"), "wanted an end seat");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("newSeats").get(0).asString()).isEqualTo("STALLS-B-12");
        assertThat(fx.state(perf, "STALLS-B-12")).isEqualTo('S');
        if (!reseatedTo.get(0).equals("STALLS-B-12")) {
            assertThat(fx.state(perf, reseatedTo.get(0))).isEqualTo('.');
        }
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE'", String.class,
                late.get("orderId"))).containsExactly("STALLS-B-12");
        assertThat(fx.jdbc().queryForList("SELECT price_minor FROM order_seat WHERE order_id = ?", Long.class,
                late.get("orderId"))).containsExactly(6000L);
        assertThat(fx.doubleSold(perf)).isEmpty();
    }
}

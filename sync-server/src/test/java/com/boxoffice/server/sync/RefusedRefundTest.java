package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.refund;
import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

/**
 * Refund batches refused as a whole (malformed, too large, forged, revoked, in another terminal's
 * name) answer a 4xx problem and change nothing: no ticket voided, no order touched, no record or
 * audit event, and no seat freed in Redis.
 */
class RefusedRefundTest extends SyncTestBase {

    private SyncFixture.Manager manager;
    private String perf;
    private String terminal;
    private String credential;
    private String order;
    private List<String> storedBefore;
    private String statesBefore;
    private long[] countsBefore;

    @BeforeEach
    void aPerformanceWithOneSaleOfTwoSeats() {
        manager = fx.manager();
        perf = fx.newPerformance();
        terminal = fx.newTerminalId();
        credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        Map<String, Object> sale = sale(1, perf, "AT_RISK", "STALLS-A-1", "STALLS-A-2");
        fx.upload(credential, terminal, List.of(sale));
        order = (String) sale.get("orderId");
        storedBefore = fx.stored(perf);
        statesBefore = fx.states(perf);
        countsBefore = counts();
        assertThat(statesBefore.charAt(SyncFixture.seatIndex("STALLS-A-1"))).isEqualTo('S');
    }

    private long[] counts() {
        return new long[] {fx.count("SELECT count(*) FROM sale_order"), fx.count("SELECT count(*) FROM ticket WHERE status = 'LIVE'"),
            fx.count("SELECT count(*) FROM sync_refund"), fx.count("SELECT count(*) FROM audit_event WHERE kind LIKE 'SYNC\\_%'")};
    }

    private void assertNothingChanged() {
        assertThat(counts()).containsExactly(countsBefore);
        assertThat(fx.stored(perf)).isEqualTo(storedBefore);
        assertThat(fx.states(perf)).isEqualTo(statesBefore);
    }


    private SyncFixture.Response post(String withCredential, Object body) {
        return fx.send("POST", "/sync/v1/refunds", withCredential, Map.of(), body);
    }

    private SyncFixture.Response post(Object body) {
        return post(credential, body);
    }

    /** A good refund of the sale's first seat, to be spoiled. */
    private Map<String, Object> goodRefund() {
        return new LinkedHashMap<>(refund(2, perf, order, "STALLS-A-1"));
    }

    private Map<String, Object> batchOf(Map<String, Object> refund) {
        return SyncFixture.refundBatch(terminal, List.of(refund));
    }

    @Test
    void aForgedOrMissingCredentialIsRefusedWith401BeforeTheBodyIsRead() {
        Map<String, Object> batch = batchOf(goodRefund());
        String forged = terminal + "." + "A".repeat(43);

        post(forged, batch).assertProblem(401);
        post("no-such-terminal." + "A".repeat(43), batch).assertProblem(401);
        post(null, batch).assertProblem(401);
        fx.sendRaw("POST", "/sync/v1/refunds", forged, Map.of(), "{nonsense").assertProblem(401);
        assertNothingChanged();
    }

    @Test
    void aRevokedTerminalIsRefusedWith403() {
        assertThat(fx.send("POST", "/sync/v1/terminals/" + terminal + "/revoke", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), null).status()).isEqualTo(204);

        post(batchOf(goodRefund())).assertProblem(403);
        assertNothingChanged();
    }

    @Test
    void aBatchInAnotherTerminalsNameIsRefusedWith403() {
        String other = fx.newTerminalId();
        fx.register(manager, other, TerminalKind.BOX_OFFICE);

        post(SyncFixture.refundBatch(other, List.of(goodRefund()))).assertProblem(403);
        assertNothingChanged();
    }

    @Test
    void aBatchWithoutRefundsOrWithTooManyIsRefused() {
        Map<String, Object> missing = new LinkedHashMap<>(batchOf(goodRefund()));
        missing.remove("refunds");
        SyncFixture.Response noRefunds = post(missing);
        noRefunds.assertProblem(400);
        assertThat(noRefunds.json().get("errors").toString()).contains("refunds");
        post(SyncFixture.refundBatch(terminal, List.of())).assertProblem(400);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(refund(i + 2, perf, order, "STALLS-A-1"));
        }
        post(SyncFixture.refundBatch(terminal, many)).assertProblem(400);
        assertNothingChanged();
    }

    @Test
    void aBatchWithOneMalformedRefundIsRefusedWholeAndItsGoodRefundsAreNotApplied() {
        Map<String, Object> good = goodRefund();
        Map<String, Object> noSeats = new LinkedHashMap<>(refund(3, perf, order, "STALLS-A-2"));
        noSeats.put("seatIds", List.of());
        Map<String, Object> negative = new LinkedHashMap<>(refund(4, perf, order, "STALLS-A-2"));
        negative.put("amountMinor", -1);
        Map<String, Object> twice = new LinkedHashMap<>(refund(5, perf, order, "STALLS-A-2"));
        twice.put("seatIds", List.of("STALLS-A-2", "STALLS-A-2"));
        Map<String, Object> noTime = new LinkedHashMap<>(refund(6, perf, order, "STALLS-A-2"));
        noTime.remove("refundedAt");
        noTime.put("sequence", 0);
        noTime.put("currency", "eur");

        SyncFixture.Response r = post(SyncFixture.refundBatch(terminal, List.of(good, noSeats, negative, twice, noTime)));

        r.assertProblem(400);
        assertThat(r.json().get("errors").toString()).contains("refunds[1].seatIds").contains("refunds[2].amountMinor")
                .contains("refunds[3].eachSeatOnce").contains("refunds[4].refundedAt").contains("refunds[4].sequence")
                .contains("refunds[4].currency").doesNotContain("refunds[0]");
        assertNothingChanged();
    }

    @Test
    void anUnknownKindBadJsonOrAWrongTypeIsRefused() {
        Map<String, Object> kind = goodRefund();
        kind.put("kind", "CHARGEBACK");
        post(batchOf(kind)).assertProblem(400);
        Map<String, Object> typed = goodRefund();
        typed.put("amountMinor", "ninety-five");
        post(batchOf(typed)).assertProblem(400);
        Map<String, Object> longReason = goodRefund();
        longReason.put("reason", "x".repeat(501));
        post(batchOf(longReason)).assertProblem(400);
        SyncFixture.Response bad = fx.sendRaw("POST", "/sync/v1/refunds", credential, Map.of(), "{\"batchId\": \"b\", \"refunds\": [");
        bad.assertProblem(400);
        assertThat(bad.json().get("errors")).isNotEmpty();
        assertNothingChanged();
    }

    @Test
    void aBodyOverFourMegabytesIsRefusedWith413() {
        Map<String, Object> padded = goodRefund();
        padded.put("reason", "x".repeat(4 * 1024 * 1024 + 10));

        post(batchOf(padded)).assertProblem(413);
        assertNothingChanged();
    }
}

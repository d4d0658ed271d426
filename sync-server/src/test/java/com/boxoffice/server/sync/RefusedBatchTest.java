package com.boxoffice.server.sync;

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
 * Batches refused as a whole (malformed, too large, forged) answer a 4xx problem and change nothing:
 * no order, ticket or sync record, and no seat in Redis.
 */
class RefusedBatchTest extends SyncTestBase {

    private String perf;
    private String terminal;
    private String credential;
    private List<String> storedBefore;
    private String statesBefore;
    private long[] countsBefore;

    @BeforeEach
    void aPerformanceWithOneSaleApplied() {
        SyncFixture.Manager manager = fx.manager();
        perf = fx.newPerformance();
        terminal = fx.newTerminalId();
        credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        fx.upload(credential, terminal, List.of(sale(1, perf, "AT_RISK", "STALLS-A-1")));
        storedBefore = fx.stored(perf);
        statesBefore = fx.states(perf);
        countsBefore = counts();
    }

    private long[] counts() {
        return new long[] {fx.count("SELECT count(*) FROM sale_order"), fx.count("SELECT count(*) FROM ticket"),
            fx.count("SELECT count(*) FROM sync_sale"), fx.count("SELECT count(*) FROM payment"),
            fx.count("SELECT count(*) FROM audit_event")};
    }

    private void assertNothingChanged() {
        assertThat(counts()).containsExactly(countsBefore);
        assertThat(fx.stored(perf)).isEqualTo(storedBefore);
        assertThat(fx.states(perf)).isEqualTo(statesBefore);
    }


    private SyncFixture.Response post(Object body) {
        return fx.send("POST", "/sync/v1/batches", credential, Map.of(), body);
    }

    @Test
    void badJsonIsRefusedWith400AndNothingApplied() {
        SyncFixture.Response r = fx.sendRaw("POST", "/sync/v1/batches", credential, Map.of(), "{\"batchId\": \"b\", \"sales\": [");
        r.assertProblem(400);
        assertThat(r.json().get("errors")).isNotEmpty();
        assertNothingChanged();
    }

    @Test
    void aBatchWithOneSaleMissingAFieldIsRefusedWholeAndItsGoodSalesAreNotApplied() {
        Map<String, Object> good = sale(2, perf, "AT_RISK", "STALLS-A-2");
        Map<String, Object> bad = new LinkedHashMap<>(sale(3, perf, "AT_RISK", "STALLS-A-3"));
        bad.remove("soldAt");
        bad.put("sequence", 0);

        SyncFixture.Response r = post(SyncFixture.batch(terminal, List.of(good, bad)));

        r.assertProblem(400);
        assertThat(r.json().get("errors").toString()).contains("sales[1].soldAt").contains("sales[1].sequence");
        assertNothingChanged();
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreRefused() {
        Map<String, Object> typed = new LinkedHashMap<>(sale(2, perf, "AT_RISK", "STALLS-A-2"));
        typed.put("sequence", "seventeen");
        post(SyncFixture.batch(terminal, List.of(typed))).assertProblem(400);
        Map<String, Object> channel = new LinkedHashMap<>(sale(2, perf, "AT_RISK", "STALLS-A-2"));
        channel.put("channel", "ONLINE");
        post(SyncFixture.batch(terminal, List.of(channel))).assertProblem(400);
        assertNothingChanged();
    }

    @Test
    void batchesAndSalesPastTheirLimitsAreRefused() {
        post(SyncFixture.batch(terminal, List.of())).assertProblem(400);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(sale(i + 2, perf, "AT_RISK", "STALLS-B-1"));
        }
        post(SyncFixture.batch(terminal, many)).assertProblem(400);
        List<String> seats = new ArrayList<>();
        for (char row = 'C'; row <= 'D'; row++) {
            for (int s = 1; s <= 12; s++) {
                seats.add("STALLS-" + row + "-" + s);
            }
        }
        SyncFixture.Response tooManySeats = post(SyncFixture.batch(terminal,
                List.of(sale(2, perf, "AT_RISK", seats.subList(0, 21).toArray(String[]::new)))));
        tooManySeats.assertProblem(400);
        assertThat(tooManySeats.json().get("errors").toString()).contains("sales[0].seats");
        assertNothingChanged();
    }

    @Test
    void aBodyOverFourMegabytesIsRefusedWith413() {
        Map<String, Object> padded = new LinkedHashMap<>(sale(2, perf, "AT_RISK", "STALLS-A-2"));
        padded.put("buyer", "x".repeat(4 * 1024 * 1024 + 10));

        post(SyncFixture.batch(terminal, List.of(padded))).assertProblem(413);
        assertNothingChanged();
    }

    @Test
    void aForgedOrMissingCredentialIsRefusedWith401BeforeTheBodyIsRead() {
        Map<String, Object> batch = SyncFixture.batch(terminal, List.of(sale(2, perf, "AT_RISK", "STALLS-A-2")));
        String forged = terminal + "." + "A".repeat(43);

        fx.send("POST", "/sync/v1/batches", forged, Map.of(), batch).assertProblem(401);
        fx.send("POST", "/sync/v1/batches", "no-such-terminal." + "A".repeat(43), Map.of(), batch).assertProblem(401);
        fx.send("POST", "/sync/v1/batches", null, Map.of(), batch).assertProblem(401);
        fx.send("POST", "/sync/v1/batches", "not a credential", Map.of(), batch).assertProblem(401);
        // even a malformed body: the credential is checked first
        fx.sendRaw("POST", "/sync/v1/batches", forged, Map.of(), "{nonsense").assertProblem(401);
        assertNothingChanged();
    }

    @Test
    void aBatchInAnotherTerminalsNameIsRefusedWith403() {
        Map<String, Object> batch = SyncFixture.batch("someone-else", List.of(sale(2, perf, "AT_RISK", "STALLS-A-2")));

        post(batch).assertProblem(403);
        assertNothingChanged();
    }
}

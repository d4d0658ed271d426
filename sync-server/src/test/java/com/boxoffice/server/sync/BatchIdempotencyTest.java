package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.sale;
import static com.boxoffice.server.sync.OfflineConflictTest.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** The same sales sent twice, out of order or in other batches end in one and the same state. */
class BatchIdempotencyTest extends SyncTestBase {

    private SyncFixture.Manager manager;
    private String perf;
    private String terminal;
    private String credential;

    @BeforeEach
    void terminal() {
        manager = fx.manager();
        perf = fx.newPerformance();
        terminal = fx.newTerminalId();
        credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
    }

    /** Sales of one terminal, two of which clash with a sale another terminal made first. */
    private List<Map<String, Object>> journal() {
        return journal(perf);
    }

    private static List<Map<String, Object>> journal(String performanceId) {
        List<Map<String, Object>> sales = new ArrayList<>();
        sales.add(sale(1, performanceId, "AT_RISK", "STALLS-A-1", "STALLS-A-2"));
        sales.add(sale(2, performanceId, "AT_RISK", "STALLS-C-1"));
        sales.add(sale(3, performanceId, "AT_RISK", "STALLS-D-5", "STALLS-D-6"));
        sales.add(sale(4, performanceId, "AT_RISK", "BALCONY-A-1"));
        sales.add(sale(5, performanceId, "AT_RISK", "STALLS-E-12"));
        return sales;
    }

    private void otherTerminalSellsFirst() {
        String other = fx.newTerminalId();
        String otherCredential = fx.register(manager, other, TerminalKind.KIOSK);
        fx.upload(otherCredential, other, List.of(sale(1, perf, "AT_RISK", "STALLS-D-6"), sale(2, perf, "AT_RISK", "BALCONY-A-1")));
    }

    @Test
    void aBatchSentTwiceIsAnsweredTheSameAndChangesNothingTheSecondTime() {
        otherTerminalSellsFirst();
        List<Map<String, Object>> sales = journal();

        Map<String, JsonNode> first = fx.upload(credential, terminal, sales);
        List<String> stored = fx.stored(perf);
        String states = fx.states(perf);
        long audits = fx.count("SELECT count(*) FROM audit_event");
        Map<String, JsonNode> second = fx.upload(credential, terminal, sales);

        assertThat(first.values()).extracting(o -> o.get("outcome").asString())
                .containsExactly("ACCEPTED", "ACCEPTED", "RESEATED", "RESEATED", "ACCEPTED");
        assertThat(first.values()).allSatisfy(o -> assertThat(o.get("replayed").asBoolean()).isFalse());
        for (String saleId : first.keySet()) {
            JsonNode a = first.get(saleId);
            JsonNode b = second.get(saleId);
            assertThat(b.get("replayed").asBoolean()).isTrue();
            assertThat(b.get("outcome")).isEqualTo(a.get("outcome"));
            assertThat(b.get("seats")).isEqualTo(a.get("seats"));
            assertThat(b.get("orderId")).isEqualTo(a.get("orderId"));
            assertThat(String.valueOf(b.get("conflictId"))).isEqualTo(String.valueOf(a.get("conflictId")));
        }
        assertThat(fx.stored(perf)).isEqualTo(stored);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(fx.count("SELECT count(*) FROM audit_event")).isEqualTo(audits);
    }

    @Test
    void aBatchIsAuditedOnceWithItsOutcomesAndEverySaleThatDidNotGoAsSoldOnItsOwn() {
        otherTerminalSellsFirst();
        List<Map<String, Object>> sales = journal();

        Map<String, JsonNode> outcomes = fx.upload(credential, terminal, sales);

        List<Map<String, Object>> events = fx.jdbc().queryForList("SELECT kind, subject, detail FROM audit_event WHERE actor = ? ORDER BY id",
                terminal);
        assertThat(events).extracting(e -> e.get("kind"))
                .containsExactly("SYNC_SALE_RESEATED", "SYNC_SALE_RESEATED", "SYNC_BATCH_APPLIED");
        assertThat(events.subList(0, 2)).extracting(e -> e.get("subject"))
                .containsExactly(sales.get(2).get("orderId"), sales.get(3).get("orderId"));
        assertThat((String) events.get(0).get("detail")).contains("\"mode\":\"AT_RISK\"").contains("STALLS-D-6");
        assertThat((String) events.get(2).get("subject")).startsWith("batch:");
        assertThat((String) events.get(2).get("detail")).contains("\"sales\":5").contains("\"ACCEPTED\":3")
                .contains("\"RESEATED\":2").contains("\"AT_RISK\":5").contains("\"sequences\":[1,5]");
        assertThat(outcomes.values()).extracting(o -> o.get("outcome").asString())
                .containsExactly("ACCEPTED", "ACCEPTED", "RESEATED", "RESEATED", "ACCEPTED");
    }

    @Test
    void salesSentOutOfOrderInOverlappingBatchesEndAsSentInOrderOnce() {
        otherTerminalSellsFirst();
        List<Map<String, Object>> sales = journal();
        // in order, once, on a performance of its own: the reference
        String reference = fx.newPerformance();
        String refTerminal = fx.newTerminalId();
        String refCredential = fx.register(manager, refTerminal, TerminalKind.BOX_OFFICE);
        String refOther = fx.newTerminalId();
        String refOtherCredential = fx.register(manager, refOther, TerminalKind.KIOSK);
        fx.upload(refOtherCredential, refOther, List.of(sale(1, reference, "AT_RISK", "STALLS-D-6"),
                sale(2, reference, "AT_RISK", "BALCONY-A-1")));
        List<Map<String, Object>> refSales = journal(reference);
        Map<String, JsonNode> inOrder = fx.upload(refCredential, refTerminal, refSales);

        // the same sales for this performance: last first, then overlapping batches, then a repeat
        List<Map<String, Object>> reversed = new ArrayList<>(sales);
        Collections.reverse(reversed);
        fx.upload(credential, terminal, List.of(reversed.get(0), reversed.get(1)));
        fx.upload(credential, terminal, List.of(sales.get(2), sales.get(0), sales.get(4), sales.get(1)));
        List<Map<String, Object>> shuffled = new ArrayList<>(sales);
        Collections.shuffle(shuffled, new Random(7));
        Map<String, JsonNode> last = fx.upload(credential, terminal, shuffled);

        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE performance_id = ? AND terminal_id = ?", perf, terminal))
                .isEqualTo(5);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf)).isEqualTo(5 + 2);
        assertThat(fx.doubleSold(perf)).isEmpty();
        // the same outcome per sale and the same seat map as the reference: the order sent does not matter
        for (int i = 0; i < sales.size(); i++) {
            JsonNode ours = last.get((String) sales.get(i).get("saleId"));
            JsonNode ref = inOrder.get((String) refSales.get(i).get("saleId"));
            assertThat(ours.get("outcome")).as("sale %d", i + 1).isEqualTo(ref.get("outcome"));
            assertThat(ours.get("replayed").asBoolean()).isTrue();
        }
        assertThat(fx.states(perf)).isEqualTo(fx.states(reference));
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE performance_id = ? AND status = 'LIVE'", perf))
                .isEqualTo(fx.count("SELECT count(*) FROM ticket WHERE performance_id = ? AND status = 'LIVE'", reference));
    }

    @Test
    void aTerminalReimagedAndCountingFromOneAgainHasItsNewSalesApplied() {
        Map<String, JsonNode> before = fx.upload(credential, terminal,
                List.of(sale(1, perf, "AT_RISK", "STALLS-B-1"), sale(2, perf, "AT_RISK", "STALLS-B-2")));
        // reinstalled: an empty journal, sequence numbers from 1 again, new sale ids
        Map<String, Object> again1 = sale(1, perf, "AT_RISK", "STALLS-B-3");
        Map<String, Object> again2 = sale(2, perf, "AT_RISK", "STALLS-B-4");

        Map<String, JsonNode> after = fx.upload(credential, terminal, List.of(again1, again2));

        assertThat(before.values()).allSatisfy(o -> assertThat(o.get("outcome").asString()).isEqualTo("ACCEPTED"));
        assertThat(after.values()).allSatisfy(o -> {
            assertThat(o.get("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(o.get("replayed").asBoolean()).isFalse();
        });
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE performance_id = ? AND status = 'LIVE'", perf)).isEqualTo(4);
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ? AND sequence_no = 1", terminal)).isEqualTo(2);
        for (String seat : List.of("STALLS-B-1", "STALLS-B-2", "STALLS-B-3", "STALLS-B-4")) {
            assertThat(fx.state(perf, seat)).isEqualTo('S');
        }
    }

    @Test
    void aSaleIdSentAgainWithOtherContentOrByAnotherTerminalIsRejectedAndChangesNothing() {
        Map<String, Object> original = sale(1, perf, "AT_RISK", "STALLS-C-3");
        fx.upload(credential, terminal, List.of(original));
        List<String> stored = fx.stored(perf);
        String states = fx.states(perf);

        Map<String, Object> altered = new java.util.LinkedHashMap<>(sale(1, perf, "AT_RISK", "STALLS-C-4"));
        altered.put("saleId", original.get("saleId"));
        altered.put("orderId", original.get("orderId"));
        JsonNode changed = fx.upload(credential, terminal, List.of(altered)).get(original.get("saleId"));
        String other = fx.newTerminalId();
        String otherCredential = fx.register(manager, other, TerminalKind.BOX_OFFICE);
        JsonNode stolen = fx.upload(otherCredential, other, List.of(original)).get(original.get("saleId"));

        assertThat(changed.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(changed.get("reason").asString()).isEqualTo("sale id reused");
        assertThat(stolen.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(stolen.get("reason").asString()).isEqualTo("sale id reused");
        assertThat(fx.stored(perf)).isEqualTo(stored);
        assertThat(fx.states(perf)).isEqualTo(states);
    }

    @Test
    void aSaleRepeatedInsideOneBatchIsAppliedOnceAndAnsweredAsAReplay() {
        Map<String, Object> s = sale(1, perf, "AT_RISK", "STALLS-C-9");

        Response answer = new Response(fx.send("POST", "/sync/v1/batches", credential, Map.of(),
                SyncFixture.batch(terminal, List.of(s, s))).json());

        assertThat(answer.outcomes()).hasSize(2);
        assertThat(answer.outcomes().get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.outcomes().get(0).get("replayed").asBoolean()).isFalse();
        assertThat(answer.outcomes().get(1).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.outcomes().get(1).get("replayed").asBoolean()).isTrue();
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE performance_id = ?", perf)).isEqualTo(1);
    }

    @Test
    void aSaleThatDisagreesWithTheCatalogIsRejectedAloneAndTheRestOfItsBatchApplied() {
        Map<String, Object> good = sale(1, perf, "AT_RISK", "STALLS-A-5");
        Map<String, Object> unknownSeat = sale(2, perf, "AT_RISK", "STALLS-Z-99");
        Map<String, Object> wrongPrice = sale(3, perf, "AT_RISK", "STALLS-A-6");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = new java.util.HashMap<>(((List<Map<String, Object>>) wrongPrice.get("seats")).get(0));
        line.put("priceMinor", 100);
        wrongPrice.put("seats", List.of(line));
        Map<String, Object> unknownPerformance = sale(4, "no-such-performance", "AT_RISK", "STALLS-A-7");

        Map<String, JsonNode> outcomes = fx.upload(credential, terminal, List.of(good, unknownSeat, wrongPrice, unknownPerformance));

        assertThat(outcomes.get(good.get("saleId")).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(outcomes.get(unknownSeat.get("saleId")).get("reason").asString()).contains("unknown seat STALLS-Z-99");
        assertThat(outcomes.get(wrongPrice.get("saleId")).get("reason").asString()).contains("costs 6000");
        assertThat(outcomes.get(unknownPerformance.get("saleId")).get("reason").asString()).contains("unknown performance");
        assertThat(List.of(unknownSeat, wrongPrice, unknownPerformance)).allSatisfy(s ->
                assertThat(outcomes.get(s.get("saleId")).get("outcome").asString()).isEqualTo("REJECTED"));
        assertThat(fx.state(perf, "STALLS-A-5")).isEqualTo('S');
        assertThat(fx.state(perf, "STALLS-A-6")).isEqualTo('.');
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'SYNC_SALE_REJECTED' AND subject = ?",
                "sale:" + wrongPrice.get("saleId"))).isEqualTo(1);
        // a rejection is an answer too: sent again it is answered the same
        JsonNode again = fx.upload(credential, terminal, List.of(wrongPrice)).get(wrongPrice.get("saleId"));
        assertThat(again.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(seats(again)).isEmpty();
    }

    private record Response(JsonNode json) {
        List<JsonNode> outcomes() {
            List<JsonNode> out = new ArrayList<>();
            json.get("outcomes").forEach(out::add);
            return out;
        }
    }
}

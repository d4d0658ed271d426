package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.refund;
import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Refunds a terminal delivers void the order's tickets centrally and free the seats in Redis, so a
 * seat refunded at one window can be sold at another and recorded; each refund is applied once,
 * and one that does not match its stored order changes nothing.
 */
class RefundSyncTest extends SyncTestBase {

    @Autowired
    private MeterRegistry meters;

    private SyncFixture.Manager manager;
    private String perf;
    private String terminal;
    private String credential;

    @BeforeEach
    void aTerminalThatSells() {
        manager = fx.manager();
        perf = fx.newPerformance();
        terminal = fx.newTerminalId();
        credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
    }

    /** Uploads a sale of the seats from this test's terminal; answers its order id. */
    private String sold(String... seatIds) {
        Map<String, Object> sale = sale(1, perf, "AT_RISK", seatIds);
        JsonNode outcome = fx.upload(credential, terminal, List.of(sale)).get(sale.get("saleId"));
        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        return (String) sale.get("orderId");
    }

    private String ticketStatus(String orderId, String seatId) {
        return fx.jdbc().queryForObject("SELECT status || ' ' || coalesce(live_seat_key, '-') FROM ticket"
                + " WHERE order_id = ? AND seat_id = ?", String.class, orderId, seatId);
    }

    private String orderStatus(String orderId) {
        return fx.jdbc().queryForObject("SELECT status || ' v' || version FROM sale_order WHERE id = ?", String.class, orderId);
    }

    private char seat(String seatId) {
        return fx.states(perf).charAt(SyncFixture.seatIndex(seatId));
    }

    private long counts(String sql, Object... args) {
        return fx.count(sql, args);
    }

    private double counted(String outcome, boolean replayed) {
        return meters.counter("boxoffice.sync.refunds", "outcome", outcome, "replayed", String.valueOf(replayed)).count();
    }

    private static List<String> seats(JsonNode outcome) {
        List<String> seats = new ArrayList<>();
        outcome.get("seats").forEach(s -> seats.add(s.asString()));
        return seats;
    }

    private static JsonNode only(List<JsonNode> outcomes) {
        assertThat(outcomes).hasSize(1);
        return outcomes.getFirst();
    }

    @Test
    void refundingOneSeatVoidsItsTicketAndRefundingTheLastRefundsTheOrder() {
        String order = sold("STALLS-A-1", "STALLS-A-2");
        assertThat(seat("STALLS-A-1")).isEqualTo('S');
        double appliedBefore = counted("APPLIED", false);

        Map<String, Object> first = refund(2, perf, order, "STALLS-A-1");
        JsonNode one = only(fx.deliverRefunds(credential, terminal, List.of(first)));

        assertThat(one.get("refundId").asString()).isEqualTo(first.get("refundId"));
        assertThat(one.get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(one.get("orderId").asString()).isEqualTo(order);
        assertThat(seats(one)).containsExactly("STALLS-A-1");
        assertThat(one.get("reason").isNull()).isTrue();
        assertThat(one.get("replayed").asBoolean()).isFalse();
        assertThat(ticketStatus(order, "STALLS-A-1")).isEqualTo("REFUNDED -");
        assertThat(ticketStatus(order, "STALLS-A-2")).isEqualTo("LIVE STALLS-A-2");
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED v0");
        assertThat(seat("STALLS-A-1")).isEqualTo('.');
        assertThat(seat("STALLS-A-2")).isEqualTo('S');

        Map<String, Object> second = refund(3, perf, order, "STALLS-A-2");
        JsonNode two = only(fx.deliverRefunds(credential, terminal, List.of(second)));

        assertThat(two.get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(seats(two)).containsExactly("STALLS-A-2");
        assertThat(ticketStatus(order, "STALLS-A-2")).isEqualTo("REFUNDED -");
        assertThat(orderStatus(order)).isEqualTo("REFUNDED v1");
        assertThat(seat("STALLS-A-2")).isEqualTo('.');
        assertThat(fx.jdbc().queryForList("SELECT refund_id || ' ' || terminal_id || ' ' || kind || ' ' || outcome || ' ' || seats"
                        + " || ' ' || amount_minor || ' ' || note FROM sync_refund WHERE order_id = ? ORDER BY sequence_no",
                String.class, order)).containsExactly(
                first.get("refundId") + " " + terminal + " REFUND APPLIED STALLS-A-1 6000 changed plans",
                second.get("refundId") + " " + terminal + " REFUND APPLIED STALLS-A-2 6000 changed plans");
        List<Map<String, Object>> events = fx.jdbc().queryForList(
                "SELECT actor, kind, detail FROM audit_event WHERE subject = ? ORDER BY id", order);
        assertThat(events).extracting(e -> e.get("kind")).containsExactly("SYNC_REFUND_APPLIED", "SYNC_REFUND_APPLIED");
        assertThat(events).extracting(e -> e.get("actor")).containsOnly(terminal);
        assertThat((String) events.getFirst().get("detail")).contains("\"refundId\":\"" + first.get("refundId") + "\"")
                .contains("\"kind\":\"REFUND\"").contains("\"seats\":[\"STALLS-A-1\"]").contains("\"amountMinor\":6000")
                .contains("\"note\":\"changed plans\"");
        assertThat(counted("APPLIED", false) - appliedBefore).isEqualTo(2);
    }

    @Test
    void aSeatRefundedHereCanBeSoldByAnotherTerminalAndRecorded() {
        String order = sold("STALLS-B-5", "STALLS-B-6");
        fx.deliverRefunds(credential, terminal, List.of(refund(2, perf, order, "STALLS-B-5")));
        String other = fx.newTerminalId();
        String otherCredential = fx.register(manager, other, TerminalKind.KIOSK);
        Map<String, Object> resale = sale(1, perf, "AT_RISK", "STALLS-B-5");

        JsonNode outcome = fx.upload(otherCredential, other, List.of(resale)).get(resale.get("saleId"));

        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.jdbc().queryForList("SELECT order_id FROM ticket WHERE performance_id = ? AND seat_id = ? AND status = 'LIVE'",
                String.class, perf, "STALLS-B-5")).containsExactly((String) resale.get("orderId"));
        assertThat(fx.doubleSold(perf)).isEmpty();
        assertThat(seat("STALLS-B-5")).isEqualTo('S');
    }

    @Test
    void aSaleOfASeatRefundedOnlineIsRecordedOnceTheRefundArrives() {
        String order = sold("STALLS-B-7");
        // the terminal refunds while online: Redis frees the seat at once, the refund waits in its outbox
        holds.refund(perf, order, List.of("STALLS-B-7"), null);
        String other = fx.newTerminalId();
        String otherCredential = fx.register(manager, other, TerminalKind.KIOSK);
        Map<String, Object> resale = sale(1, perf, "AT_RISK", "STALLS-B-7");

        JsonNode early = fx.upload(otherCredential, other, List.of(resale)).get(resale.get("saleId"));
        // the old ticket is still live centrally: the resale cannot be recorded yet
        assertThat(early.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(early.get("reason").asString()).contains("send it again later");

        JsonNode refunded = only(fx.deliverRefunds(credential, terminal, List.of(refund(2, perf, order, "STALLS-B-7"))));
        assertThat(refunded.get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(seats(refunded)).containsExactly("STALLS-B-7");
        // the seat is sold under the other order in Redis now, and the refund left it so
        assertThat(seat("STALLS-B-7")).isEqualTo('S');

        JsonNode again = fx.upload(otherCredential, other, List.of(resale)).get(resale.get("saleId"));
        assertThat(again.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.jdbc().queryForList("SELECT order_id FROM ticket WHERE performance_id = ? AND seat_id = ? AND status = 'LIVE'",
                String.class, perf, "STALLS-B-7")).containsExactly((String) resale.get("orderId"));
        assertThat(orderStatus(order)).isEqualTo("REFUNDED v1");
        assertThat(seat("STALLS-B-7")).isEqualTo('S');
    }

    @Test
    void aRefundBatchSentAgainIsAnsweredFromItsRecordsAndChangesNothing() {
        String order = sold("STALLS-C-1", "STALLS-C-2");
        Map<String, Object> batch = SyncFixture.refundBatch(terminal, List.of(
                refund(2, perf, order, "STALLS-C-1"),
                refund(3, perf, order, "STALLS-C-2", "STALLS-C-3")));
        List<JsonNode> first = fx.deliverRefunds(credential, batch);
        List<String> stored = fx.stored(perf);
        String states = fx.states(perf);
        long audits = counts("SELECT count(*) FROM audit_event");
        long records = counts("SELECT count(*) FROM sync_refund");
        double replayedBefore = counted("APPLIED", true) + counted("REJECTED", true);

        List<JsonNode> second = fx.deliverRefunds(credential, batch);

        assertThat(first).extracting(o -> o.get("outcome").asString()).containsExactly("APPLIED", "REJECTED");
        assertThat(first.get(1).get("reason").asString()).isEqualTo("seat STALLS-C-3 was not sold in order " + order);
        assertThat(second).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(second.get(i).get("refundId")).isEqualTo(first.get(i).get("refundId"));
            assertThat(second.get(i).get("outcome")).isEqualTo(first.get(i).get("outcome"));
            assertThat(second.get(i).get("seats")).isEqualTo(first.get(i).get("seats"));
            assertThat(second.get(i).get("reason")).isEqualTo(first.get(i).get("reason"));
            assertThat(first.get(i).get("replayed").asBoolean()).isFalse();
            assertThat(second.get(i).get("replayed").asBoolean()).isTrue();
        }
        assertThat(fx.stored(perf)).isEqualTo(stored);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(counts("SELECT count(*) FROM audit_event")).isEqualTo(audits);
        assertThat(counts("SELECT count(*) FROM sync_refund")).isEqualTo(records);
        assertThat(counted("APPLIED", true) + counted("REJECTED", true) - replayedBefore).isEqualTo(2);
        assertThat(ticketStatus(order, "STALLS-C-1")).isEqualTo("REFUNDED -");
        assertThat(ticketStatus(order, "STALLS-C-2")).isEqualTo("LIVE STALLS-C-2");
    }

    @Test
    void aRefundRepeatedInsideOneBatchIsAppliedOnceAndAnsweredAsAReplay() {
        String order = sold("STALLS-C-5", "STALLS-C-6");
        Map<String, Object> r = refund(2, perf, order, "STALLS-C-5");
        long events = counts("SELECT count(*) FROM audit_event WHERE subject = ?", order);

        List<JsonNode> outcomes = fx.deliverRefunds(credential, terminal, List.of(r, r));

        assertThat(outcomes).extracting(o -> o.get("outcome").asString()).containsExactly("APPLIED", "APPLIED");
        assertThat(outcomes).extracting(o -> o.get("replayed").asBoolean()).containsExactly(false, true);
        assertThat(seats(outcomes.get(1))).containsExactly("STALLS-C-5");
        assertThat(counts("SELECT count(*) FROM sync_refund WHERE order_id = ?", order)).isEqualTo(1);
        assertThat(counts("SELECT count(*) FROM audit_event WHERE subject = ?", order)).isEqualTo(events + 1);
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED v0");
    }

    @Test
    void aRefundIdReusedWithOtherSeatsOrByAnotherTerminalIsRejectedAndChangesNothing() {
        String order = sold("STALLS-D-1", "STALLS-D-2");
        Map<String, Object> original = refund(2, perf, order, "STALLS-D-1");
        fx.deliverRefunds(credential, terminal, List.of(original));
        String other = fx.newTerminalId();
        String otherCredential = fx.register(manager, other, TerminalKind.BOX_OFFICE);
        List<String> stored = fx.stored(perf);
        String states = fx.states(perf);
        long audits = counts("SELECT count(*) FROM audit_event");
        long records = counts("SELECT count(*) FROM sync_refund");

        Map<String, Object> otherSeats = new LinkedHashMap<>(original);
        otherSeats.put("seatIds", List.of("STALLS-D-2"));
        JsonNode changed = only(fx.deliverRefunds(credential, terminal, List.of(otherSeats)));
        JsonNode stolen = only(fx.deliverRefunds(otherCredential, other, List.of(original)));

        for (JsonNode outcome : List.of(changed, stolen)) {
            assertThat(outcome.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(outcome.get("reason").asString()).isEqualTo("refund id reused");
            assertThat(outcome.get("replayed").asBoolean()).isFalse();
            assertThat(seats(outcome)).isEmpty();
        }
        assertThat(fx.stored(perf)).isEqualTo(stored);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(counts("SELECT count(*) FROM audit_event")).isEqualTo(audits);
        assertThat(counts("SELECT count(*) FROM sync_refund")).isEqualTo(records);
        assertThat(ticketStatus(order, "STALLS-D-2")).isEqualTo("LIVE STALLS-D-2");
        assertThat(seat("STALLS-D-2")).isEqualTo('S');
    }

    @Test
    void aRefundIdUsedTwiceInOneBatchWithOtherSeatsAppliesOnlyTheFirst() {
        String order = sold("STALLS-D-7", "STALLS-D-8");
        Map<String, Object> first = refund(2, perf, order, "STALLS-D-7");
        Map<String, Object> reused = new LinkedHashMap<>(first);
        reused.put("seatIds", List.of("STALLS-D-8"));

        List<JsonNode> outcomes = fx.deliverRefunds(credential, terminal, List.of(first, reused));

        assertThat(outcomes).extracting(o -> o.get("outcome").asString()).containsExactly("APPLIED", "REJECTED");
        assertThat(outcomes.get(1).get("reason").asString()).isEqualTo("refund id reused");
        assertThat(ticketStatus(order, "STALLS-D-7")).isEqualTo("REFUNDED -");
        assertThat(ticketStatus(order, "STALLS-D-8")).isEqualTo("LIVE STALLS-D-8");
        assertThat(seat("STALLS-D-7")).isEqualTo('.');
        assertThat(seat("STALLS-D-8")).isEqualTo('S');
        assertThat(fx.jdbc().queryForList("SELECT seats FROM sync_refund WHERE refund_id = ?", String.class, first.get("refundId")))
                .containsExactly("STALLS-D-7");
        assertThat(counts("SELECT count(*) FROM audit_event WHERE subject = ?", order)).isEqualTo(1);
    }

    @Test
    void refundsThatDoNotMatchTheirOrderAreRejectedAndChangeNoTicketOrSeat() {
        String order = sold("STALLS-E-1", "STALLS-E-2");
        String otherPerf = fx.newPerformance();
        List<String> stored = fx.stored(perf);
        List<String> otherStored = fx.stored(otherPerf);
        String states = fx.states(perf);
        String otherStates = fx.states(otherPerf);
        long orders = counts("SELECT count(*) FROM sale_order");
        long live = counts("SELECT count(*) FROM ticket WHERE status = 'LIVE'");
        String unknownOrder = UUID.randomUUID().toString();
        Map<String, Object> unknown = refund(2, perf, unknownOrder, "STALLS-E-3");
        Map<String, Object> notInOrder = refund(3, perf, order, "STALLS-E-1", "STALLS-E-3");
        Map<String, Object> wrongPerformance = refund(4, otherPerf, order, "STALLS-E-1");
        double rejectedBefore = counted("REJECTED", false);

        List<JsonNode> outcomes = fx.deliverRefunds(credential, terminal, List.of(unknown, notInOrder, wrongPerformance));

        assertThat(outcomes).extracting(o -> o.get("outcome").asString()).containsOnly("REJECTED");
        assertThat(outcomes).extracting(o -> o.get("reason").asString()).containsExactly(
                "unknown order " + unknownOrder + ": its sale has not reached the sync server",
                "seat STALLS-E-3 was not sold in order " + order,
                "order " + order + " is for performance " + perf + ", not " + otherPerf);
        assertThat(outcomes).allSatisfy(o -> assertThat(seats(o)).isEmpty());
        assertThat(ticketStatus(order, "STALLS-E-1")).isEqualTo("LIVE STALLS-E-1");
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED v0");
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(fx.states(otherPerf)).isEqualTo(otherStates);
        assertThat(counts("SELECT count(*) FROM sale_order")).isEqualTo(orders);
        assertThat(counts("SELECT count(*) FROM ticket WHERE status = 'LIVE'")).isEqualTo(live);
        // the two rejected on their merits are recorded (under the performance they named) and audited;
        // the one whose sale may still arrive is not, and nothing else is stored
        List<String> expected = new ArrayList<>(stored);
        expected.add(notInOrder.get("refundId") + " REJECTED ");
        assertThat(fx.stored(perf)).isEqualTo(expected);
        List<String> otherExpected = new ArrayList<>(otherStored);
        otherExpected.add(wrongPerformance.get("refundId") + " REJECTED ");
        assertThat(fx.stored(otherPerf)).isEqualTo(otherExpected);
        assertThat(counts("SELECT count(*) FROM sync_refund WHERE refund_id = ?", unknown.get("refundId"))).isZero();
        assertThat(counts("SELECT count(*) FROM audit_event WHERE kind = 'SYNC_REFUND_REJECTED' AND subject = ?", order))
                .isEqualTo(2);
        assertThat(counted("REJECTED", false) - rejectedBefore).isEqualTo(3);
        // a rejection on its merits is an answer too: sent again it is answered the same
        JsonNode again = only(fx.deliverRefunds(credential, terminal, List.of(notInOrder)));
        assertThat(again.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("reason")).isEqualTo(outcomes.get(1).get("reason"));
    }

    @Test
    void aRefundThatArrivedBeforeItsSaleIsAppliedWhenSentAgainAfterIt() {
        Map<String, Object> sale = sale(1, perf, "AT_RISK", "STALLS-E-9");
        String order = (String) sale.get("orderId");
        Map<String, Object> early = refund(2, perf, order, "STALLS-E-9");

        JsonNode before = only(fx.deliverRefunds(credential, terminal, List.of(early)));
        fx.upload(credential, terminal, List.of(sale));
        JsonNode after = only(fx.deliverRefunds(credential, terminal, List.of(early)));

        assertThat(before.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(before.get("reason").asString()).contains("has not reached the sync server");
        assertThat(after.get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(after.get("replayed").asBoolean()).isFalse();
        assertThat(ticketStatus(order, "STALLS-E-9")).isEqualTo("REFUNDED -");
        assertThat(seat("STALLS-E-9")).isEqualTo('.');
    }

    @Test
    void aSeatWhoseTicketWasRefundedAlreadyLeavesNothingToVoid() {
        String order = sold("BALCONY-A-1", "BALCONY-A-2");
        fx.deliverRefunds(credential, terminal, List.of(refund(2, perf, order, "BALCONY-A-1")));
        String orderBefore = orderStatus(order);

        // an exchange of both seats: one was refunded before, the other goes now
        Map<String, Object> exchange = refund(UUID.randomUUID().toString(), 3, "EXCHANGE", perf, order, 0,
                "BALCONY-A-1", "BALCONY-A-2");
        JsonNode outcome = only(fx.deliverRefunds(credential, terminal, List.of(exchange)));

        assertThat(outcome.get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(seats(outcome)).containsExactly("BALCONY-A-2");
        assertThat(orderBefore).isEqualTo("CONFIRMED v0");
        assertThat(orderStatus(order)).isEqualTo("REFUNDED v1");
        assertThat(ticketStatus(order, "BALCONY-A-1")).isEqualTo("REFUNDED -");
        assertThat(ticketStatus(order, "BALCONY-A-2")).isEqualTo("REFUNDED -");
        assertThat(seat("BALCONY-A-2")).isEqualTo('.');
        assertThat(fx.jdbc().queryForObject("SELECT kind || ' ' || amount_minor FROM sync_refund WHERE refund_id = ?", String.class,
                exchange.get("refundId"))).isEqualTo("EXCHANGE 0");
        assertThat(fx.jdbc().queryForObject("SELECT detail FROM audit_event WHERE kind = 'SYNC_REFUND_APPLIED' AND subject = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, order)).contains("\"kind\":\"EXCHANGE\"")
                .contains("\"seats\":[\"BALCONY-A-2\"]");
    }
}

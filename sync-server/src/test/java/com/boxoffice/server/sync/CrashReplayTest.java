package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.sale;
import static com.boxoffice.server.sync.OfflineConflictTest.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/**
 * A server that stopped after the Redis step of a sale and before its database write: the terminal
 * sends the sale again, and the replay finishes the job without taking a second set of seats. The
 * Redis step is done here the way the server does it, then the sale is uploaded.
 */
class CrashReplayTest extends SyncTestBase {

    @Autowired
    private Reconciler reconciler;
    @Autowired
    private HoldTokens tokens;

    @Test
    void aSaleSoldInRedisButNeverRecordedIsRecordedOnReplayWithTheSameSeats() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        Map<String, Object> s = sale(1, perf, "AT_RISK", "STALLS-C-2", "STALLS-C-3");
        fx.states(perf);
        holds.applyJournalSale(perf, new JournalSale((String) s.get("saleId"), terminal, (String) s.get("orderId"),
                List.of("STALLS-C-2", "STALLS-C-3"), Channel.BOX_OFFICE));
        String afterRedisStep = fx.states(perf);

        JsonNode outcome = fx.upload(credential, terminal, List.of(s)).get(s.get("saleId"));

        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.states(perf)).isEqualTo(afterRedisStep);
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'LIVE'", s.get("orderId"))).isEqualTo(2);
    }

    @Test
    void aReseatMadeBeforeTheCrashIsKeptOnReplayEvenWhenTheOriginalSeatsWereFreedMeanwhile() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        Map<String, Object> s = sale(1, perf, "AT_RISK", "STALLS-D-4");
        SaleWork work = new SaleWork(SyncFixture.JSON.convertValue(s, Batch.Sale.class), "unused");
        // before the crash: the seat was someone else's, so the buyer was re-seated in Redis ...
        fx.states(perf);
        holds.applyJournalSale(perf, new JournalSale("first-buyer", "other", "first-order", List.of("STALLS-D-4")));
        String holdId = reconciler.reseatHoldId(work, 1);
        Hold reseat = holds.hold(new HoldRequest(perf, "reseat:" + s.get("saleId") + ":1", "sync/" + terminal, null,
                Channel.BOX_OFFICE, terminal, SeatSelection.seats("STALLS-D-9")));
        assertThat(reseat.holdId()).isEqualTo(holdId);
        holds.confirm(reseat.holdId(), tokens.token(holdId), (String) s.get("orderId"));
        // ... and then the first buyer's seat was refunded before the terminal sent the sale again
        holds.refund(perf, "first-order", List.of("STALLS-D-4"), null);

        JsonNode outcome = fx.upload(credential, terminal, List.of(s)).get(s.get("saleId"));

        assertThat(outcome.get("outcome").asString()).isEqualTo("RESEATED");
        assertThat(seats(outcome)).containsExactly("STALLS-D-9");
        assertThat(fx.state(perf, "STALLS-D-4")).isEqualTo('.');
        assertThat(fx.state(perf, "STALLS-D-9")).isEqualTo('S');
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE'", String.class,
                s.get("orderId"))).containsExactly("STALLS-D-9");
    }

    @Test
    void aSeatTheDatabaseAlreadyHasALiveTicketForIsNotSoldTwiceAndTheRestOfTheBatchIsRecorded() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        Map<String, Object> first = sale(1, perf, "AT_RISK", "STALLS-B-3");
        fx.upload(credential, terminal, List.of(first));
        // Redis loses the sale (the database still has its ticket), so it lets the seat through again
        holds.refund(perf, (String) first.get("orderId"), List.of("STALLS-B-3"), null);
        Map<String, Object> again = sale(2, perf, "AT_RISK", "STALLS-B-3");
        Map<String, Object> other = sale(3, perf, "AT_RISK", "STALLS-B-4");

        Map<String, JsonNode> outcomes = fx.upload(credential, terminal, List.of(again, other));

        assertThat(outcomes.get(again.get("saleId")).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(outcomes.get(again.get("saleId")).get("reason").asString()).contains("send it again later");
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE sale_id = ?", again.get("saleId"))).isZero();
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE id = ?", again.get("orderId"))).isZero();
        assertThat(outcomes.get(other.get("saleId")).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE sale_id = ?", other.get("saleId"))).isEqualTo(1);
        assertThat(fx.jdbc().queryForList("SELECT order_id FROM ticket WHERE performance_id = ? AND live_seat_key = ?", String.class,
                perf, "STALLS-B-3")).containsExactly((String) first.get("orderId"));
        assertThat(fx.doubleSold(perf)).isEmpty();
    }
}

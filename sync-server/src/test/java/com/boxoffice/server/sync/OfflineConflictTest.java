package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** Two terminals that sold the same seats while offline: the first buyer keeps them. */
class OfflineConflictTest extends SyncTestBase {

    private String perf;
    private String east;
    private String eastCredential;
    private String west;
    private String westCredential;

    @BeforeEach
    void twoTerminals() {
        SyncFixture.Manager manager = fx.manager();
        perf = fx.newPerformance();
        east = fx.newTerminalId();
        west = fx.newTerminalId();
        eastCredential = fx.register(manager, east, TerminalKind.BOX_OFFICE);
        westCredential = fx.register(manager, west, TerminalKind.BOX_OFFICE);
    }

    @Test
    void secondTerminalSellingTheSameSeatOfflineIsReseatedInTheSameCategoryAndAConflictIsRecorded() {
        Map<String, Object> first = sale(1, perf, "AT_RISK", "STALLS-C-6", "STALLS-C-7");
        Map<String, Object> second = sale(1, perf, "AT_RISK", "STALLS-C-7", "STALLS-C-8");

        JsonNode accepted = fx.upload(eastCredential, east, List.of(first)).get(first.get("saleId"));
        JsonNode reseated = fx.upload(westCredential, west, List.of(second)).get(second.get("saleId"));

        assertThat(accepted.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(seats(accepted)).containsExactly("STALLS-C-6", "STALLS-C-7");
        assertThat(reseated.get("outcome").asString()).isEqualTo("RESEATED");
        List<String> newSeats = seats(reseated);
        assertThat(newSeats).hasSize(2).doesNotContain("STALLS-C-6", "STALLS-C-7")
                .allSatisfy(seat -> assertThat(SyncFixture.categoryOf(seat)).isEqualTo("B"));
        assertThat(reseated.get("conflictId").asString()).isNotBlank();

        // stored: the first order keeps its seats, the second holds the new ones at the price paid
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'LIVE'", first.get("orderId"))).isEqualTo(2);
        assertThat(fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE order_id = ? AND status = 'LIVE' ORDER BY seat_id",
                String.class, second.get("orderId"))).containsExactlyInAnyOrderElementsOf(newSeats);
        assertThat(fx.jdbc().queryForList("SELECT price_minor FROM order_seat WHERE order_id = ?", Long.class,
                second.get("orderId"))).containsOnly(4000L);
        Map<String, Object> conflict = fx.jdbc().queryForMap("SELECT * FROM sync_conflict WHERE id = ?",
                reseated.get("conflictId").asString());
        assertThat(conflict.get("resolution")).isEqualTo("RESEATED");
        assertThat(conflict.get("status")).isEqualTo("OPEN");
        assertThat(conflict.get("wanted_seats")).isEqualTo("STALLS-C-7,STALLS-C-8");
        assertThat((String) conflict.get("taken_by")).contains("STALLS-C-7").contains((String) first.get("orderId"));
        assertThat(conflict.get("terminal_id")).isEqualTo(west);

        // and in Redis every seat is sold once, under the order that has its ticket
        for (String seat : List.of("STALLS-C-6", "STALLS-C-7", newSeats.get(0), newSeats.get(1))) {
            assertThat(fx.state(perf, seat)).as(seat).isEqualTo('S');
        }
        assertThat(fx.state(perf, "STALLS-C-8")).isEqualTo('.');
        assertThat(fx.doubleSold(perf)).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'SYNC_SALE_RESEATED' AND subject = ?",
                second.get("orderId"))).isEqualTo(1);
    }

    @Test
    void aBuyerWhoseCategoryIsFullIsDueARefundAndKeepsNoSeat() {
        List<Map<String, Object>> balcony = new ArrayList<>();
        balcony.add(sale(1, perf, "AT_RISK", "BALCONY-A-1", "BALCONY-A-2"));
        balcony.add(sale(2, perf, "AT_RISK", "BALCONY-A-3", "BALCONY-A-4"));
        fx.upload(eastCredential, east, balcony);
        Map<String, Object> late = sale(1, perf, "AT_RISK", "BALCONY-A-2");
        String before = fx.states(perf);

        JsonNode outcome = fx.upload(westCredential, west, List.of(late)).get(late.get("saleId"));

        assertThat(outcome.get("outcome").asString()).isEqualTo("REFUND_DUE");
        assertThat(seats(outcome)).isEmpty();
        assertThat(outcome.get("reason").asString()).contains("no equivalent seats");
        assertThat(fx.states(perf)).isEqualTo(before);
        assertThat(fx.count("SELECT count(*) FROM ticket WHERE order_id = ?", late.get("orderId"))).isZero();
        assertThat(fx.jdbc().queryForObject("SELECT status FROM sale_order WHERE id = ?", String.class, late.get("orderId")))
                .isEqualTo("PAID");
        assertThat(fx.jdbc().queryForObject("SELECT resolution FROM sync_conflict WHERE sale_id = ?", String.class,
                late.get("saleId"))).isEqualTo("REFUND_DUE");
    }

    @Test
    void aSaleWhoseSeatsAreFreeIsAcceptedAsItWasSold() {
        Map<String, Object> s = sale(1, perf, "AT_RISK", "STALLS-A-1");

        JsonNode outcome = fx.upload(eastCredential, east, List.of(s)).get(s.get("saleId"));

        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("replayed").asBoolean()).isFalse();
        assertThat(fx.state(perf, "STALLS-A-1")).isEqualTo('S');
        Map<String, Object> order = fx.jdbc().queryForMap("SELECT * FROM sale_order WHERE id = ?", s.get("orderId"));
        assertThat(order.get("status")).isEqualTo("CONFIRMED");
        assertThat(order.get("terminal_id")).isEqualTo(east);
        assertThat(order.get("hold_id")).isNull();
        assertThat(order.get("total_minor")).isEqualTo(6000L);
        assertThat(fx.count("SELECT count(*) FROM payment WHERE order_id = ? AND method = 'CASH' AND tendered_minor = 6500",
                s.get("orderId"))).isEqualTo(1);
    }

    @Test
    void seatsAllocatedToTheTerminalAreAcceptedAndAnotherTerminalsSaleOfThemIsReseated() {
        fx.allocate(perf, east, "STALLS-E-1", "STALLS-E-2");
        Map<String, Object> own = sale(1, perf, "ALLOCATED", "STALLS-E-1", "STALLS-E-2");
        Map<String, Object> other = sale(1, perf, "AT_RISK", "STALLS-E-2");

        JsonNode intruder = fx.upload(westCredential, west, List.of(other)).get(other.get("saleId"));
        JsonNode owner = fx.upload(eastCredential, east, List.of(own)).get(own.get("saleId"));

        assertThat(intruder.get("outcome").asString()).isEqualTo("RESEATED");
        assertThat(seats(intruder)).doesNotContain("STALLS-E-1", "STALLS-E-2");
        assertThat(owner.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.doubleSold(perf)).isEmpty();
    }

    static List<String> seats(JsonNode outcome) {
        List<String> seats = new ArrayList<>();
        outcome.get("seats").forEach(s -> seats.add(s.asString()));
        return seats;
    }
}

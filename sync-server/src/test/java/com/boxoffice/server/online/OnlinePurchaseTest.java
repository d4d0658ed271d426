package com.boxoffice.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.queue.QueueState;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.core.ticket.TicketKeys;
import com.boxoffice.core.ticket.TicketPayload;
import com.boxoffice.core.ticket.TicketVerifier;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/**
 * Buying online through the real HTTP API on the real server, Redis and PostgreSQL: admission,
 * holds, purchase with the simulated card gateway, tickets, and what every refusal leaves behind.
 */
class OnlinePurchaseTest extends SyncTestBase {

    @Autowired
    SimulatedPaymentProvider gateway;
    @Autowired
    AdmissionTokens admissionTokens;
    @Autowired
    WaitingRoom room;
    @Autowired
    Clock clock;

    private String perf;

    @BeforeEach
    void onSale() {
        perf = fx.newPerformance();
    }

    private long orders() {
        return fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf);
    }

    private long liveTickets() {
        return fx.count("SELECT count(*) FROM ticket WHERE performance_id = ? AND status = 'LIVE'", perf);
    }

    @Test
    void anAdmittedBuyerHoldsTheBestSeatsPaysAndGetsTicketsSignedForTheDoor() {
        long chargedBefore = gateway.chargedMinor();
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();

        SyncFixture.Response held = ada.holdBest(2, "A", OnlineBuyer.key());
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode hold = held.json();
        assertThat(hold.get("seats")).hasSize(2);
        assertThat(hold.get("total").asLong()).isEqualTo(2 * 6000);
        assertThat(hold.get("currency").asString()).isEqualTo("EUR");
        List<String> seats = new ArrayList<>();
        hold.get("seats").forEach(s -> seats.add(s.get("seatId").asString()));
        assertThat(seats).allSatisfy(s -> assertThat(fx.state(perf, s)).isEqualTo('H'));
        // the admission now outlasts the hold
        assertThat(Instant.parse(hold.get("admittedUntil").asString())).isAfter(Instant.parse(hold.get("expiresAt").asString()));

        SyncFixture.Response bought = ada.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key());
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        JsonNode order = bought.json();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("tickets")).hasSize(2);

        assertThat(seats).allSatisfy(s -> assertThat(fx.state(perf, s)).isEqualTo('S'));
        assertThat(liveTickets()).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE id = ? AND status = 'CONFIRMED' AND buyer = ? AND channel = 'ONLINE'",
                order.get("orderId").asString(), ada.email)).isEqualTo(1);
        assertThat(gateway.chargedMinor() - chargedBefore).isEqualTo(12000);
        assertThat(room.status(ada.queueId).state()).isEqualTo(QueueState.DONE);

        // each ticket's code verifies with the public key the server hands to door scanners
        TicketVerifier scanner = new TicketVerifier(TicketKeys.publicKeyFromPem(fx.get("/api/tickets/public-key", null).body()));
        for (JsonNode ticket : order.get("tickets")) {
            TicketPayload payload = scanner.verify(ticket.get("code").asString());
            assertThat(payload.performanceId()).isEqualTo(perf);
            assertThat(payload.orderId()).isEqualTo(order.get("orderId").asString());
            assertThat(payload.seatId()).isEqualTo(ticket.get("seatId").asString()).isIn(seats);
            assertThat(ticket.get("qrSvg").asString()).startsWith("<svg").contains("<path");
        }

        // the order reads back with the hold token, and only with it
        JsonNode read = ada.order(order.get("orderId").asString()).json();
        assertThat(read.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(read.get("tickets")).hasSize(2);
        fx.send("GET", "/api/orders/" + order.get("orderId").asString(), null, Map.of("Hold-Token", "not-the-token"), null)
                .assertProblem(404);
        fx.get("/api/orders/" + order.get("orderId").asString(), null).assertProblem(404);
    }

    @Test
    void aHoldWithoutAValidAdmissionIsRefusedAndChangesNothing() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        String otherPerf = fx.newPerformance();
        String states = fx.states(perf);
        Map<String, Object> body = Map.of("seatIds", List.of("STALLS-A-1"));

        String none = null;
        String garbage = "not.a.token";
        String forged = new AdmissionTokens("another secret that is long enough!!".getBytes(), clock)
                .issue(perf, ada.email, ada.queueId, clock.instant().plusSeconds(600));
        String expired = admissionTokens.issue(perf, ada.email, ada.queueId, clock.instant().minusSeconds(1));
        String forAnotherShow = admissionTokens.issue(otherPerf, ada.email, ada.queueId, clock.instant().plusSeconds(600));
        String[] edited = ada.admissionToken.split("\\.");
        String tampered = edited[0] + "." + edited[1].substring(0, edited[1].length() - 2) + "AA." + edited[2];

        for (String token : new String[] {none, garbage, forged, expired, tampered}) {
            fx.send("POST", "/api/performances/" + perf + "/holds", token, Map.of("Idempotency-Key", OnlineBuyer.key()), body)
                    .assertProblem(401);
        }
        fx.send("POST", "/api/performances/" + perf + "/holds", forAnotherShow, Map.of("Idempotency-Key", OnlineBuyer.key()), body)
                .assertProblem(403);
        // a token for this performance does not buy at another one
        fx.send("POST", "/api/performances/" + otherPerf + "/holds", ada.admissionToken,
                Map.of("Idempotency-Key", OnlineBuyer.key()), body).assertProblem(403);

        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(orders()).isZero();
        assertThat(fx.count("SELECT count(*) FROM online_request WHERE scope LIKE ?", "hold/" + perf + "/%")).isZero();
    }

    @Test
    void theSameHoldRequestTwiceHoldsOnceAndAnotherRequestUnderItsKeyIsRefused() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        String key = OnlineBuyer.key();
        SyncFixture.Response first = ada.holdBest(2, "B", key);
        SyncFixture.Response again = ada.holdBest(2, "B", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("holdId")).isEqualTo(first.json().get("holdId"));
        assertThat(again.json().get("seats")).isEqualTo(first.json().get("seats"));
        assertThat(orders()).isEqualTo(1);
        String states = fx.states(perf);

        ada.holdBest(3, "B", key).assertProblem(422);
        ada.holdSeats(List.of("STALLS-E-1"), key).assertProblem(422);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(orders()).isEqualTo(1);

        // a hold without a key is refused before anything is held
        ada.hold(Map.of("seatIds", List.of("STALLS-E-1")), null).assertProblem(400);
        assertThat(fx.states(perf)).isEqualTo(states);
    }

    @Test
    void theSamePurchaseTwiceChargesOnceAndADeclineIsAnsweredAgainWithoutChargingAgain() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        ada.holdBest(1, "C", OnlineBuyer.key());
        long chargedBefore = gateway.chargedMinor();

        String declinedKey = OnlineBuyer.key();
        ada.purchase(OnlineBuyer.DECLINED, declinedKey).assertProblem(402);
        ada.purchase(OnlineBuyer.DECLINED, declinedKey).assertProblem(402);
        assertThat(fx.count("SELECT count(*) FROM payment p JOIN sale_order o ON o.id = p.order_id WHERE o.performance_id = ?", perf))
                .as("one payment attempt for the key, not two").isEqualTo(1);
        // the same key for another card is another request
        ada.purchase(OnlineBuyer.APPROVED, declinedKey).assertProblem(422);

        String key = OnlineBuyer.key();
        SyncFixture.Response paid = ada.purchase(OnlineBuyer.APPROVED, key);
        SyncFixture.Response paidAgain = ada.purchase(OnlineBuyer.APPROVED, key);
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paidAgain.status()).isEqualTo(200);
        assertThat(paidAgain.json().get("orderId")).isEqualTo(paid.json().get("orderId"));
        assertThat(paidAgain.json().get("tickets")).isEqualTo(paid.json().get("tickets"));
        assertThat(gateway.chargedMinor() - chargedBefore).isEqualTo(2500);
        assertThat(liveTickets()).isEqualTo(1);
    }

    @Test
    void aPaymentTheGatewayLeftUnansweredIsSettledInTheBackgroundAndChargedOnce() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        ada.holdBest(2, "A", OnlineBuyer.key());
        long netBefore = gateway.netChargedMinor();

        SyncFixture.Response pending = ada.purchase(OnlineBuyer.TIMES_OUT_CHARGED, OnlineBuyer.key());
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        String orderId = pending.json().get("orderId").asString();
        assertThat(pending.json().get("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(ada.order(orderId).json().get("status").asString()).isEqualTo("PAYMENT_PENDING");
        // paying again meanwhile charges nothing more: the unanswered charge is settled first
        assertThat(ada.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key()).status()).isIn(200, 202);

        JsonNode settled = ada.orderOnceSettled(orderId, "PAYMENT_PENDING");
        assertThat(settled.get("status").asString()).as(() -> "payments " + jdbc.queryForList(
                "SELECT status, method, amount_minor, created_at FROM payment WHERE order_id = ?", orderId)).isEqualTo("CONFIRMED");
        assertThat(settled.get("tickets")).hasSize(2);
        assertThat(gateway.netChargedMinor() - netBefore).isEqualTo(12000);
        assertThat(liveTickets()).isEqualTo(2);
    }

    @Test
    void aPaymentTheGatewayLeftUnansweredAndNeverTookLeavesTheSeatsHeldToPayAgain() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        ada.holdSeats(List.of("STALLS-C-3"), OnlineBuyer.key());
        long netBefore = gateway.netChargedMinor();

        SyncFixture.Response pending = ada.purchase(OnlineBuyer.TIMES_OUT_NOT_CHARGED, OnlineBuyer.key());
        assertThat(pending.status()).isEqualTo(202);
        String orderId = pending.json().get("orderId").asString();
        JsonNode settled = ada.orderOnceSettled(orderId, "PAYMENT_PENDING");
        assertThat(settled.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(fx.state(perf, "STALLS-C-3")).isEqualTo('H');
        assertThat(gateway.netChargedMinor()).isEqualTo(netBefore);

        assertThat(ada.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key()).status()).isEqualTo(200);
        assertThat(fx.state(perf, "STALLS-C-3")).isEqualTo('S');
        assertThat(gateway.netChargedMinor() - netBefore).isEqualTo(4000);
    }

    @Test
    void seatsTakenOrOverTheBuyersLimitAreRefusedByName() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        OnlineBuyer bob = new OnlineBuyer(fx, perf).admitted();
        assertThat(ada.holdSeats(List.of("STALLS-A-5", "STALLS-A-6"), OnlineBuyer.key()).status()).isEqualTo(201);
        String states = fx.states(perf);

        SyncFixture.Response taken = bob.holdSeats(List.of("STALLS-A-4", "STALLS-A-5"), OnlineBuyer.key());
        taken.assertProblem(409);
        assertThat(taken.json().get("type").asString()).endsWith("/seat-unavailable");
        assertThat(taken.json().get("seats").get(0).asString()).isEqualTo("STALLS-A-5");

        // the limit is 8 a buyer; Ada holds 2
        SyncFixture.Response over = ada.holdSeats(List.of("STALLS-D-1", "STALLS-D-2", "STALLS-D-3", "STALLS-D-4",
                "STALLS-D-5", "STALLS-D-6", "STALLS-E-1"), OnlineBuyer.key());
        over.assertProblem(400);
        assertThat(over.json().get("type").asString()).endsWith("/limit-exceeded");
        bob.holdSeats(List.of("NOWHERE-1"), OnlineBuyer.key()).assertProblem(400);
        bob.holdBest(0, null, OnlineBuyer.key()).assertProblem(400);
        bob.holdBest(9, null, OnlineBuyer.key()).assertProblem(400);
        bob.holdBest(1, "Z", OnlineBuyer.key()).assertProblem(400);

        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void aReleasedHoldGivesItsSeatsBackAndAWrongTokenChangesNothing() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        ada.holdSeats(List.of("STALLS-B-1", "STALLS-B-2"), OnlineBuyer.key());

        fx.send("DELETE", "/api/holds/" + ada.holdId, null, Map.of("Hold-Token", "wrong"), null).assertProblem(403);
        fx.send("DELETE", "/api/holds/" + ada.holdId, null, Map.of(), null).assertProblem(403);
        ada.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key());
        assertThat(fx.state(perf, "STALLS-B-1")).isEqualTo('S');
        // bought seats are not a hold to give back, and the answer says so
        SyncFixture.Response bought = fx.send("DELETE", "/api/holds/" + ada.holdId, ada.admissionToken,
                Map.of("Hold-Token", ada.holdToken), null);
        bought.assertProblem(409);
        assertThat(bought.json().get("type").asString()).endsWith("/already-bought");
        assertThat(bought.json().get("detail").asString()).contains("refunded by the box office");
        assertThat(fx.state(perf, "STALLS-B-1")).isEqualTo('S');

        OnlineBuyer bob = new OnlineBuyer(fx, perf).admitted();
        bob.holdSeats(List.of("STALLS-C-1"), OnlineBuyer.key());
        SyncFixture.Response released = fx.send("DELETE", "/api/holds/" + bob.holdId, bob.admissionToken,
                Map.of("Hold-Token", bob.holdToken), null);
        assertThat(released.status()).isEqualTo(204);
        assertThat(fx.state(perf, "STALLS-C-1")).isEqualTo('.');
        // paying for a released hold is refused and takes nothing
        long charged = gateway.chargedMinor();
        bob.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key()).assertProblem(409);
        assertThat(gateway.chargedMinor()).isEqualTo(charged);
        assertThat(fx.state(perf, "STALLS-C-1")).isEqualTo('.');
    }

    @Test
    void aPurchaseThatFailedHoldsNothingSoGivingItBackIsDoneAlready() {
        OnlineBuyer cy = new OnlineBuyer(fx, perf).admitted();
        cy.holdSeats(List.of("STALLS-E-3"), OnlineBuyer.key());
        // the hold runs out between pricing and paying (the sweeper got to it first)
        holds.release(cy.holdId, cy.holdToken);
        cy.purchase(OnlineBuyer.APPROVED, OnlineBuyer.key()).assertProblem(409);
        String ended = fx.jdbc().queryForObject("SELECT status FROM sale_order WHERE performance_id = ?", String.class, perf);
        assertThat(ended).isIn("FAILED", "REFUNDED");
        String states = fx.states(perf);

        SyncFixture.Response released = fx.send("DELETE", "/api/holds/" + cy.holdId, cy.admissionToken,
                Map.of("Hold-Token", cy.holdToken), null);
        assertThat(released.status()).as(released.body()).isEqualTo(204);
        assertThat(fx.states(perf)).isEqualTo(states);
        assertThat(fx.jdbc().queryForObject("SELECT status FROM sale_order WHERE performance_id = ?", String.class, perf))
                .isEqualTo(ended);
    }

    @Test
    void aCardThatIsNotACardIsRefusedBeforeAnythingIsCharged() {
        OnlineBuyer ada = new OnlineBuyer(fx, perf).admitted();
        ada.holdSeats(List.of("STALLS-D-1"), OnlineBuyer.key());
        long charged = gateway.chargedMinor();

        SyncFixture.Response bad = fx.send("POST", "/api/holds/" + ada.holdId + "/purchase", ada.admissionToken,
                Map.of("Idempotency-Key", OnlineBuyer.key()), Map.of("holdToken", ada.holdToken,
                        "payment", Map.of("cardNumber", "4242 4242 4242 4241", "expiry", "13/20", "cvc", "12", "name", "")));
        bad.assertProblem(400);
        assertThat(bad.json().get("errors")).hasSize(4);
        fx.send("POST", "/api/holds/" + ada.holdId + "/purchase", ada.admissionToken, Map.of("Idempotency-Key", OnlineBuyer.key()),
                Map.of("holdToken", "wrong", "payment", OnlineBuyer.card(OnlineBuyer.APPROVED))).assertProblem(403);
        fx.send("POST", "/api/holds/" + perf + ".nope/purchase", ada.admissionToken, Map.of("Idempotency-Key", OnlineBuyer.key()),
                Map.of("holdToken", "x", "payment", OnlineBuyer.card(OnlineBuyer.APPROVED))).assertProblem(403);

        assertThat(gateway.chargedMinor()).isEqualTo(charged);
        assertThat(fx.state(perf, "STALLS-D-1")).isEqualTo('H');
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ? AND status = 'PRICED'", perf)).isEqualTo(1);
    }
}

package com.boxoffice.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.boxoffice.server.SyncFixture;

import tools.jackson.databind.JsonNode;

/** One member of the public buying online through the real HTTP API, step by step. */
final class OnlineBuyer {

    static final String APPROVED = "4242 4242 4242 4242";
    static final String DECLINED = "4000 0000 0000 0002";
    static final String TIMES_OUT_CHARGED = "4000 0000 0000 0259";
    static final String TIMES_OUT_NOT_CHARGED = "4000 0000 0000 0267";

    final SyncFixture fx;
    final String performanceId;
    final String email;
    String queueId;
    String admissionToken;
    String holdId;
    String holdToken;

    OnlineBuyer(SyncFixture fx, String performanceId) {
        this(fx, performanceId, "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    OnlineBuyer(SyncFixture fx, String performanceId, String email) {
        this.fx = fx;
        this.performanceId = performanceId;
        this.email = email;
    }

    SyncFixture.Response join() {
        SyncFixture.Response r = fx.send("POST", "/api/performances/" + performanceId + "/queue", null, Map.of(),
                Map.of("email", email));
        if (r.status() == 201) {
            queueId = r.json().get("queueId").asString();
        }
        return r;
    }

    SyncFixture.Response status() {
        return fx.get("/api/queue/" + queueId, null);
    }

    /** Joins and waits until the waiting room lets this buyer through; keeps the admission token. */
    OnlineBuyer admitted() {
        assertThat(join().status()).isEqualTo(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = status().json();
            if (status.get("admitted").asBoolean()) {
                admissionToken = status.get("admissionToken").asString();
                return this;
            }
            sleep(50);
        }
        throw new AssertionError("Not admitted within 20 s: " + status().body());
    }

    SyncFixture.Response holdBest(int count, String tier, String key) {
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("count", count);
        best.put("priceTier", tier);
        return hold(Map.of("bestAvailable", best), key);
    }

    SyncFixture.Response holdSeats(List<String> seatIds, String key) {
        return hold(Map.of("seatIds", seatIds), key);
    }

    SyncFixture.Response hold(Object body, String key) {
        SyncFixture.Response r = fx.send("POST", "/api/performances/" + performanceId + "/holds", admissionToken,
                key == null ? Map.of() : Map.of("Idempotency-Key", key), body);
        if (r.status() == 201) {
            holdId = r.json().get("holdId").asString();
            holdToken = r.json().get("holdToken").asString();
            admissionToken = r.json().get("admissionToken").asString();
        }
        return r;
    }

    SyncFixture.Response purchase(String card, String key) {
        return fx.send("POST", "/api/holds/" + holdId + "/purchase", admissionToken, Map.of("Idempotency-Key", key),
                Map.of("holdToken", holdToken, "payment", card(card)));
    }

    static Map<String, Object> card(String number) {
        return Map.of("cardNumber", number, "expiry", "12/39", "cvc", "123", "name", "Ada Lovelace");
    }

    SyncFixture.Response order(String orderId) {
        return fx.send("GET", "/api/orders/" + orderId, null, Map.of("Hold-Token", holdToken), null);
    }

    /** Reads the order until its status is no longer {@code status}. */
    JsonNode orderOnceSettled(String orderId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode order = order(orderId).json();
            if (!order.get("status").asString().equals(status)) {
                return order;
            }
            sleep(100);
        }
        throw new AssertionError("Order " + orderId + " still " + status + " after 20 s");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

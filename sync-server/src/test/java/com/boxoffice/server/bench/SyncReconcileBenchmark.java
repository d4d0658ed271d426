package com.boxoffice.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/**
 * Reconciles 100,000 offline sales from 20 terminals into PostgreSQL through the real HTTP API, all
 * terminals uploading at once in batches of 1,000. Two performances of the 70,000-seat demo stadium;
 * each terminal sells its own share of seats, and about 2% of sales are of a seat another terminal
 * also sold (a conflict the server re-seats). Then checks the stored state: every sale answered and
 * recorded once (lost, duplicated), no seat with two live tickets.
 *
 * <pre>./mvnw -q -Pbench -pl sync-server -am verify -Dtest=SyncReconcileBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
class SyncReconcileBenchmark extends SyncTestBase {

    private static final int TERMINALS = 20;
    private static final int SALES = 100_000;
    private static final int WARM_UP_SALES = 20_000;
    private static final int BATCH = 1000;
    private static final double CONFLICT_SHARE = 0.02;
    private static final Instant SOLD_FROM = Instant.parse("2026-11-25T10:00:00Z");

    @Autowired
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;
    @Autowired
    TransactionTemplate tx;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Seat(String performanceId, String seatId, String category, long price) {
    }

    @Test
    void reconcileOneHundredThousandOfflineSales() throws Exception {
        // a sync server that has been running has its code compiled: one smaller round first, on other performances
        round(WARM_UP_SALES, false);
        round(SALES, true);
    }

    private void round(int sales, boolean measured) throws Exception {
        Venue stadium = DemoVenues.stadium();
        SeatLayout layout = SeatLayout.of(stadium);
        List<String> performanceIds = List.of(stadiumPerformance(stadium), stadiumPerformance(stadium));
        Map<String, Long> prices = prices(stadium);
        List<Seat> seats = new ArrayList<>();
        // half the seats of each performance, every other seat, so conflicts have free seats to be re-seated to
        for (int i = 0; seats.size() < sales; i++) {
            String performanceId = performanceIds.get(i % 2);
            int index = (i / 2) * 2 % layout.size() + (i / 2) * 2 / layout.size();
            seats.add(new Seat(performanceId, layout.seatId(index), layout.categoryOf(index), prices.get(layout.categoryOf(index))));
        }
        SyncFixture.Manager manager = fx.manager();
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> terminals = new ArrayList<>();
        Map<String, String> credentials = new HashMap<>();
        for (int t = 0; t < TERMINALS; t++) {
            String id = prefix + t;
            terminals.add(id);
            credentials.put(id, fx.register(manager, id, TerminalKind.BOX_OFFICE));
        }
        // terminal t sells every 20th seat starting at t; a share of its sales take another terminal's seat instead
        Random random = new Random(7);
        Map<String, List<Map<String, Object>>> salesByTerminal = new LinkedHashMap<>();
        int planted = 0;
        for (int t = 0; t < TERMINALS; t++) {
            List<Map<String, Object>> terminalSales = new ArrayList<>();
            for (int s = t, n = 0; n < sales / TERMINALS; s += TERMINALS, n++) {
                Seat seat = seats.get(s % seats.size());
                if (random.nextDouble() < CONFLICT_SHARE) {
                    seat = seats.get((s + 1) % seats.size());
                    planted++;
                }
                terminalSales.add(sale(n + 1, seat));
            }
            salesByTerminal.put(terminals.get(t), terminalSales);
        }
        // the terminals took their snapshots before going offline, which puts the performances in Redis
        for (String performanceId : performanceIds) {
            assertThat(fx.get("/sync/v1/performances/" + performanceId + "/snapshot", credentials.get(terminals.getFirst()))
                    .status()).isEqualTo(200);
        }

        long start = System.nanoTime();
        Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(TERMINALS)) {
            List<Future<?>> uploads = new ArrayList<>();
            for (String terminal : terminals) {
                uploads.add(pool.submit(() -> {
                    List<Map<String, Object>> terminalSales = salesByTerminal.get(terminal);
                    for (int from = 0; from < terminalSales.size(); from += BATCH) {
                        JsonNode answer = upload(terminal, credentials.get(terminal),
                                terminalSales.subList(from, Math.min(terminalSales.size(), from + BATCH)));
                        for (JsonNode outcome : answer.get("outcomes")) {
                            outcomes.merge(outcome.get("outcome").asString(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Integer recorded = jdbc.queryForObject("select count(*) from sync_sale where terminal_id like ?", Integer.class, prefix + "%");
        Integer distinctRecorded = jdbc.queryForObject(
                "select count(distinct sale_id) from sync_sale where terminal_id like ?", Integer.class, prefix + "%");
        Integer orders = jdbc.queryForObject("select count(*) from sale_order where terminal_id like ?", Integer.class, prefix + "%");
        Integer doubleSold = jdbc.queryForObject("select count(*) from (select performance_id, seat_id from ticket"
                + " where status = 'LIVE' group by performance_id, seat_id having count(*) > 1) d", Integer.class);
        int answered = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        int conflicts = outcomes.getOrDefault("RESEATED", 0) + outcomes.getOrDefault("REFUND_DUE", 0);
        long lost = sales - Math.min(sales, Math.min(answered, distinctRecorded));
        long duplicated = (recorded - distinctRecorded) + doubleSold + Math.max(0, orders - distinctRecorded);
        System.out.printf("%s sync_reconcile sales=%d conflicts=%d seconds=%.1f lost=%d duplicated=%d%n",
                measured ? "RESULT" : "WARM-UP", sales, conflicts, seconds, lost, duplicated);
        System.out.printf("DETAIL sync_reconcile terminals=%d batch=%d planted_conflicts=%d outcomes=%s orders=%d%n",
                TERMINALS, BATCH, planted, outcomes, orders);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(outcomes.getOrDefault("REJECTED", 0)).isZero();
    }

    private JsonNode upload(String terminal, String credential, List<Map<String, Object>> sales) throws Exception {
        Map<String, Object> batch = SyncFixture.batch(terminal, sales);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sync/v1/batches"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credential)
                .POST(HttpRequest.BodyPublishers.ofString(SyncFixture.JSON.writeValueAsString(batch)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Batch refused: " + response.statusCode() + " " + response.body());
        }
        return SyncFixture.JSON.readTree(response.body());
    }

    private static Map<String, Object> sale(long sequence, Seat seat) {
        String saleId = UUID.randomUUID().toString();
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("saleId", saleId);
        sale.put("sequence", sequence);
        sale.put("performanceId", seat.performanceId());
        sale.put("orderId", UUID.randomUUID().toString());
        sale.put("channel", "BOX_OFFICE");
        sale.put("mode", "AT_RISK");
        // a terminal sells a few seats a minute: each sale has its own time
        sale.put("soldAt", SOLD_FROM.plusMillis(sequence * 7_919).toString());
        sale.put("currency", "EUR");
        sale.put("seats", List.of(Map.of("seatId", seat.seatId(), "category", seat.category(), "priceMinor", seat.price())));
        sale.put("payments", List.of(Map.of("method", "CASH", "amountMinor", seat.price(), "tenderedMinor", seat.price(),
                "changeMinor", 0, "idempotencyKey", "pay-" + saleId)));
        return sale;
    }

    private static Map<String, Long> prices(Venue venue) {
        Map<String, Long> prices = new HashMap<>();
        long price = 9500;
        for (PriceCategory category : venue.categories()) {
            prices.put(category.code(), price);
            price = Math.max(1500, price - 1500);
        }
        return prices;
    }

    private String stadiumPerformance(Venue stadium) {
        String id = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        List<PriceTier> tiers = new ArrayList<>();
        prices(stadium).forEach((code, price) -> tiers.add(new PriceTier(code, code, price, "EUR")));
        Performance performance = new Performance(id, stadium.id(), "Sync benchmark", now.plus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(9)), tiers,
                new HoldPolicy(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ZERO, 2), 8,
                OfflinePolicy.AT_RISK_ALLOWED);
        tx.executeWithoutResult(status -> {
            if (!venues.existsById(stadium.id())) {
                venues.save(VenueEntity.from(stadium, VenueJson.write(stadium), now));
            }
            performances.save(PerformanceEntity.from(performance));
        });
        return id;
    }
}

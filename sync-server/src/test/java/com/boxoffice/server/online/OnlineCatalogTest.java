package com.boxoffice.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** The public catalog over real HTTP: performances, seat maps (cached, tagged, compressed), availability. */
class OnlineCatalogTest extends SyncTestBase {

    @Autowired
    private PerformanceRepository performances;
    @Autowired
    private VenueRepository venues;
    @Autowired
    private TransactionTemplate tx;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theListShowsPerformancesNotClosedSoonestFirstWithPricesAndSeatsFreeNow() {
        String onSale = fx.newPerformance();
        String later = save(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(2)));
        String closed = save(Instant.now().plus(Duration.ofDays(1)), Instant.now().minus(Duration.ofDays(3)),
                Instant.now().minus(Duration.ofMinutes(1)));
        fx.states(onSale);
        holds.hold(new HoldRequest(onSale, null, "someone", null, Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));

        SyncFixture.Response r = fx.get("/api/performances", null);

        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JsonNode listedOnSale = null;
        JsonNode listedLater = null;
        for (JsonNode p : r.json()) {
            ids.add(p.get("id").asString());
            listedOnSale = p.get("id").asString().equals(onSale) ? p : listedOnSale;
            listedLater = p.get("id").asString().equals(later) ? p : listedLater;
        }
        assertThat(ids).contains(onSale, later).doesNotContain(closed);
        assertThat(ids.indexOf(later)).as("starts sooner").isLessThan(ids.indexOf(onSale));
        assertThat(listedOnSale.get("onSale").asBoolean()).isTrue();
        assertThat(listedLater.get("onSale").asBoolean()).isFalse();
        assertThat(listedOnSale.get("seatsAvailable").asLong()).isEqualTo(64 - 2);
        assertThat(listedLater.get("seatsAvailable").asLong()).as("loaded into Redis to be counted").isEqualTo(64);
        assertThat(listedOnSale.get("venueName").asString()).isEqualTo("Sync Test House");
        assertThat(listedOnSale.get("perBuyerLimit").asInt()).isEqualTo(8);
        assertThat(listedOnSale.get("startsAt").asString()).endsWith("Z");
        JsonNode tierA = listedOnSale.get("priceTiers").get(0);
        assertThat(tierA.get("category").asString()).isEqualTo("A");
        assertThat(tierA.get("name").asString()).as("the venue category's name").isEqualTo("Front");
        assertThat(tierA.get("color").asString()).isEqualTo("#aa0000");
        assertThat(tierA.get("priceMinor").asLong()).isEqualTo(6000);
        assertThat(tierA.get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void seatMapListsSeatsInTheOrderOfTheAvailabilityStates() {
        String perf = fx.newPerformance();

        SyncFixture.Response map = fx.get("/api/performances/" + perf + "/seatmap", null);

        assertThat(map.status()).isEqualTo(200);
        assertThat(map.contentType()).startsWith("application/json");
        JsonNode body = map.json();
        assertThat(body.get("performanceId").asString()).isEqualTo(perf);
        assertThat(body.get("venue").get("name").asString()).isEqualTo("Sync Test House");
        assertThat(body.get("categories").get(1).toString())
                .isEqualTo("{\"code\":\"B\",\"name\":\"Back\",\"color\":\"#00aa00\",\"priceMinor\":4000,\"currency\":\"EUR\"}");
        assertThat(body.get("sections").get(1).get("outline").toString()).isEqualTo("[[0.0,9.0],[6.0,9.0],[6.0,11.0],[0.0,11.0]]");
        JsonNode seats = body.get("seats");
        assertThat(seats.size()).isEqualTo(64);
        for (int i = 0; i < seats.size(); i++) {
            assertThat(SyncFixture.seatIndex(seats.get(i).get(0).asString())).isEqualTo(i);
        }
        int c5 = indexOf(seats, "STALLS-C-5");
        assertThat(seats.get(c5).toString()).isEqualTo("[\"STALLS-C-5\",0,\"C\",\"5\",5.0,2.0,\"B\",\"\"]");
        assertThat(seats.get(indexOf(seats, "BALCONY-A-2")).get(1).asInt()).isEqualTo(1);

        fx.states(perf);
        holds.hold(new HoldRequest(perf, null, "someone", null, Channel.ONLINE, null, SeatSelection.seats("STALLS-C-5")));
        String states = fx.get("/api/performances/" + perf + "/availability", null).json().get("states").asString();
        assertThat(states.charAt(c5)).isEqualTo('H');
        assertThat(states.replace(".", "")).isEqualTo("H");
    }

    @Test
    void seatMapTagIsStableAnswers304AndChangesWithThePrices() throws Exception {
        String perf = fx.newPerformance();
        String path = "/api/performances/" + perf + "/seatmap";

        HttpResponse<byte[]> first = get(path, Map.of());
        HttpResponse<byte[]> second = get(path, Map.of());

        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        HttpResponse<byte[]> notModified = get(path, Map.of("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);
        assertThat(get(path, Map.of("If-None-Match", "W/" + etag)).statusCode()).as("compared weakly").isEqualTo(304);
        assertThat(get(path, Map.of("If-None-Match", "\"something-else\"")).statusCode()).isEqualTo(200);

        fx.jdbc().update("UPDATE price_tier SET price_minor = 6500 WHERE performance_id = ? AND category = 'A'", perf);

        HttpResponse<byte[]> repriced = get(path, Map.of("If-None-Match", etag));
        assertThat(repriced.statusCode()).isEqualTo(200);
        assertThat(repriced.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(new String(repriced.body())).contains("\"code\":\"A\",\"name\":\"Front\",\"color\":\"#aa0000\",\"priceMinor\":6500");
        // another performance at the same house and prices: same shared seats, its own id and tag
        String other = fx.newPerformance();
        HttpResponse<byte[]> otherMap = get("/api/performances/" + other + "/seatmap", Map.of());
        assertThat(otherMap.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(new String(otherMap.body())).isEqualTo(new String(first.body()).replace(perf, other));
    }

    @Test
    void seatMapIsSentGzippedToClientsThatTakeIt() throws Exception {
        String perf = fx.newPerformance();
        String path = "/api/performances/" + perf + "/seatmap";
        HttpResponse<byte[]> plain = get(path, Map.of());

        HttpResponse<byte[]> zipped = get(path, Map.of("Accept-Encoding", "gzip, deflate, br"));

        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(get(path, Map.of("Accept-Encoding", "gzip", "If-None-Match", zippedTag)).statusCode()).isEqualTo(304);
        assertThat(get(path, Map.of("Accept-Encoding", "gzip;q=0")).headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theStadiumsSeatMapIsServedWholeAndCompressed() throws Exception {
        Venue stadium = DemoVenues.stadium();
        String perf = "stadium-" + UUID.randomUUID().toString().substring(0, 8);
        tx.executeWithoutResult(status -> {
            if (!venues.existsById(stadium.id())) {
                venues.save(VenueEntity.from(stadium, VenueJson.write(stadium), Instant.now()));
            }
            // sale closed, so the list does not load 70,000 seats into Redis for other tests
            performances.save(PerformanceEntity.from(performance(perf, stadium.id(), Instant.now().plus(Duration.ofDays(1)),
                    Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)),
                    stadium.categories().stream().map(c -> new PriceTier(c.code(), c.name(), 3000, "EUR")).toList())));
        });
        String path = "/api/performances/" + perf + "/seatmap";

        HttpResponse<byte[]> zipped = get(path, Map.of("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> again = get(path, Map.of("Accept-Encoding", "gzip"));

        assertThat(zipped.statusCode()).isEqualTo(200);
        byte[] json = gunzip(zipped.body());
        assertThat(zipped.body().length).as("compressed to well under a quarter").isLessThan(json.length / 4);
        JsonNode map = SyncFixture.JSON.readTree(json);
        assertThat(map.get("seats").size()).isEqualTo(70_204);
        assertThat(again.body()).isEqualTo(zipped.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(zipped.headers().firstValue("ETag"));
    }

    @Test
    void availabilityGivesStatesFeedIdAndFreeSeatsPerCategory() {
        String perf = fx.newPerformance();
        fx.states(perf);
        String before = fx.get("/api/performances/" + perf + "/availability", null).json().get("feedId").asString();
        holds.hold(new HoldRequest(perf, null, "someone", null, Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-3", "BALCONY-A-1")));

        SyncFixture.Response r = fx.get("/api/performances/" + perf + "/availability", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("performanceId").asString()).isEqualTo(perf);
        String states = a.get("states").asString();
        assertThat(states).hasSize(64).isEqualTo(fx.states(perf));
        assertThat(states.charAt(SyncFixture.seatIndex("STALLS-A-3"))).isEqualTo('H');
        assertThat(states.charAt(SyncFixture.seatIndex("BALCONY-A-1"))).isEqualTo('H');
        assertThat(a.get("available").asLong()).isEqualTo(62);
        assertThat(a.get("freeByCategory").toString()).isEqualTo("{\"A\":23,\"B\":36,\"C\":3}");
        assertThat(FeedId.parse(a.get("feedId").asString()).isAfter(FeedId.parse(before))).isTrue();
    }

    @Test
    void unknownPerformancesAreProblems() throws Exception {
        for (String what : List.of("seatmap", "availability")) {
            SyncFixture.Response r = fx.get("/api/performances/no-such-show/" + what, null);
            r.assertProblem(404);
            assertThat(r.json().get("type").asString()).endsWith("/unknown-performance");
        }
        try (SseStream stream = SseStream.open(port, "/api/performances/no-such-show/changes")) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void answersAreCompressed() throws Exception {
        for (int i = 0; i < 8; i++) {
            fx.newPerformance();
        }

        HttpResponse<byte[]> r = get("/api/performances", Map.of("Accept-Encoding", "gzip"));

        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(SyncFixture.JSON.readTree(gunzip(r.body())).size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theOpenApiDescriptionListsThePublicPaths() {
        SyncFixture.Response r = fx.get("/v3/api-docs", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/api/performances")).isTrue();
        assertThat(paths.has("/api/performances/{id}/seatmap")).isTrue();
        assertThat(paths.has("/api/performances/{id}/availability")).isTrue();
        assertThat(paths.get("/api/performances/{id}/changes").toString()).contains("text/event-stream");
        assertThat(paths.has("/sync/v1/batches")).as("the terminal API is not public").isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static int indexOf(JsonNode seats, String seatId) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).get(0).asString().equals(seatId)) {
                return i;
            }
        }
        throw new AssertionError("No seat " + seatId);
    }

    private String save(Instant startsAt, Instant saleOpens, Instant saleCloses) {
        String id = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        fx.newPerformance(); // stores the test house, should no test have done so yet
        Performance performance = performance(id, "sync-test-house", startsAt, saleOpens, saleCloses,
                List.of(new PriceTier("A", "Front", 6000, "EUR"), new PriceTier("B", "Back", 4000, "EUR"),
                        new PriceTier("C", "Balcony", 2500, "EUR")));
        tx.executeWithoutResult(status -> performances.save(PerformanceEntity.from(performance)));
        return id;
    }

    private static Performance performance(String id, String venueId, Instant startsAt, Instant saleOpens, Instant saleCloses,
                                           List<PriceTier> tiers) {
        return new Performance(id, venueId, "Online Test Show", startsAt, saleOpens, saleCloses, tiers,
                new HoldPolicy(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ZERO, 2), 8,
                OfflinePolicy.AT_RISK_ALLOWED);
    }
}

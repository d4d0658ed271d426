package com.boxoffice.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.online.AdmissionTokens;

import tools.jackson.databind.JsonNode;

/** The public waiting room through the real HTTP API, with admission rounds running on the real server. */
class QueueApiTest extends SyncTestBase {

    @Autowired
    AdmissionTokens admissionTokens;
    @Autowired
    WaitingRoom room;
    @Autowired
    PerformanceRepository performanceRepository;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CatalogSeatings catalog;

    private SyncFixture.Response join(String perf, String email, String key) {
        return fx.send("POST", "/api/performances/" + perf + "/queue", null,
                key == null ? Map.of() : Map.of("Idempotency-Key", key), Map.of("email", email));
    }

    private JsonNode awaitAdmission(String queueId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = fx.get("/api/queue/" + queueId, null).json();
            if (!status.get("state").asString().equals("WAITING")) {
                return status;
            }
            sleep(50);
        }
        throw new AssertionError("Still waiting after 20 s");
    }

    @Test
    void aBuyerJoinsWaitsAndIsAdmittedWithATokenForThisPerformanceOnly() {
        String perf = fx.newPerformance();
        SyncFixture.Response joined = join(perf, " Ada@Example.com ", null);

        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        JsonNode entry = joined.json();
        String queueId = entry.get("queueId").asString();
        assertThat(entry.get("performanceId").asString()).isEqualTo(perf);
        assertThat(entry.get("state").asString()).isIn("WAITING", "ADMITTED");
        assertThat(joined.json().get("admissionToken").isNull()).isTrue();

        JsonNode admitted = awaitAdmission(queueId);
        assertThat(admitted.get("state").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.get("admitted").asBoolean()).isTrue();
        AdmissionTokens.Admission admission = admissionTokens.verify(admitted.get("admissionToken").asString());
        assertThat(admission.performanceId()).isEqualTo(perf);
        assertThat(admission.buyer()).isEqualTo("ada@example.com");
        assertThat(admission.queueId()).isEqualTo(queueId);
        // a token's expiry is in whole seconds, never after the admission's end
        assertThat(admission.expiresAt()).isEqualTo(Instant.parse(admitted.get("admittedUntil").asString())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void beforeTheSaleOpensBuyersWaitInTheLobbyWithoutAPlace() {
        Performance template = catalog.seating(fx.newPerformance()).performance();
        String later = "lobby" + UUID.randomUUID().toString().substring(0, 8);
        Instant opens = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        tx.executeWithoutResult(status -> performanceRepository.save(PerformanceEntity.from(new Performance(later,
                template.venueId(), "Tomorrow's show", opens.plusSeconds(86400), opens, opens.plusSeconds(80000),
                template.tiers(), template.holds(), template.perBuyerLimit(), template.offlinePolicy()))));

        JsonNode early = join(later, "early@example.com", null).json();
        assertThat(early.get("state").asString()).isEqualTo("LOBBY");
        assertThat(early.get("position").isNull()).isTrue();
        assertThat(Instant.parse(early.get("opensAt").asString())).isEqualTo(opens);
        sleep(300);
        JsonNode still = fx.get("/api/queue/" + early.get("queueId").asString(), null).json();
        assertThat(still.get("state").asString()).as("nobody is let through before the sale opens").isEqualTo("LOBBY");
        assertThat(still.get("admissionToken").isNull()).isTrue();
        assertThat(still.get("queueId").asString()).isEqualTo(early.get("queueId").asString());
        assertThat(still.get("estimatedWaitSeconds").isNull()).isTrue();
        assertThat(Instant.parse(still.get("opensAt").asString())).isEqualTo(opens);

        // answered without Spring MVC, yet timed under its path like any other call
        JsonNode timed = fx.get("/actuator/metrics/http.server.requests?tag=uri:/api/queue/%7BqueueId%7D&tag=status:200", null).json();
        assertThat(timed.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void oneLivePlaceAnEmailGivenBackOnlyToTheBrowserThatTookIt() {
        String perf = fx.newPerformance();
        String key = UUID.randomUUID().toString();
        String first = join(perf, "ada@example.com", key).json().get("queueId").asString();

        SyncFixture.Response again = join(perf, "ADA@example.com", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("queueId").asString()).isEqualTo(first);

        SyncFixture.Response elsewhere = join(perf, "ada@example.com", "another-browser");
        elsewhere.assertProblem(409);
        assertThat(elsewhere.json().get("type").asString()).endsWith("/already-queued");
        assertThat(elsewhere.body()).doesNotContain(first);
        join(perf, "ada@example.com", null).assertProblem(409);
        assertThat(room.view(perf).inLine()).isEqualTo(1);
    }

    @Test
    void badJoinsAreRefusedAndQueueNobody() {
        String perf = fx.newPerformance();
        for (String email : new String[] {"", "no-at-sign", "two@@example.com", "spaces in@example.com", "a@b",
            "x".repeat(250) + "@example.com"}) {
            join(perf, email, null).assertProblem(400);
        }
        fx.send("POST", "/api/performances/" + perf + "/queue", null, Map.of(), null).assertProblem(400);
        fx.sendRaw("POST", "/api/performances/" + perf + "/queue", null, Map.of(), "{not json").assertProblem(400);
        join(perf, "ada@example.com", "k".repeat(101)).assertProblem(400);
        join("no-such-show", "ada@example.com", null).assertProblem(404);
        join("bad%20id!", "ada@example.com", null).assertProblem(404);
        assertThat(room.view(perf).inLine()).isZero();

        // after the sale has closed
        Performance open = catalog.seating(perf).performance();
        String closed = "closed" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        tx.executeWithoutResult(status -> performanceRepository.save(PerformanceEntity.from(new Performance(closed,
                open.venueId(), "Yesterday's show", now.minusSeconds(3600), now.minusSeconds(86400 * 10),
                now.minusSeconds(7200), open.tiers(), open.holds(), open.perBuyerLimit(), open.offlinePolicy()))));
        SyncFixture.Response tooLate = join(closed, "ada@example.com", null);
        tooLate.assertProblem(409);
        assertThat(tooLate.json().get("type").asString()).endsWith("/sale-closed");

        fx.get("/api/queue/" + perf + ".unknown", null).assertProblem(404);
        fx.get("/api/queue/nonsense", null).assertProblem(404);
        fx.get("/api/queue/" + perf + ".unknown/events", null).assertProblem(404);
    }

    @Test
    void whenTheLastSeatSellsTheWaitingAreToldAndNewcomersAreTurnedAway() throws Exception {
        String perf = fx.newPerformance();
        fx.states(perf);
        // everybody still in line is "waiting" only because nobody is admitted while every seat is held
        List<String> allSeats = new ArrayList<>();
        SyncFixture.venue().sections().forEach(s -> s.rows().forEach(r -> r.seats().forEach(seat -> allSeats.add(seat.id()))));
        List<Hold> holdsMade = new ArrayList<>();
        for (int i = 0; i < allSeats.size(); i += 4) {
            holdsMade.add(holds.hold(new HoldRequest(perf, null, "box office", null, Channel.BOX_OFFICE, "w1",
                    new SeatSelection.Seats(allSeats.subList(i, Math.min(i + 4, allSeats.size()))))));
        }
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(join(perf, "w" + i + "@example.com", null).json().get("queueId").asString());
        }
        sleep(400);
        for (String queueId : waiting) {
            JsonNode status = fx.get("/api/queue/" + queueId, null).json();
            assertThat(status.get("state").asString()).isEqualTo("WAITING");
            assertThat(status.get("estimatedWaitSeconds").isNull()).as("no honest estimate while every seat is held").isTrue();
        }
        Events stream = Events.open(port, "/api/queue/" + waiting.get(0) + "/events");
        assertThat(stream.next("status").get("state").asString()).isEqualTo("WAITING");

        for (int i = 0; i < holdsMade.size(); i++) {
            holds.confirm(holdsMade.get(i).holdId(), holdsMade.get(i).token(), UUID.randomUUID().toString());
        }

        assertThat(stream.nextWhere("status", s -> !s.get("state").asString().equals("WAITING")).get("state").asString())
                .isEqualTo("SOLD_OUT");
        assertThat(stream.ended()).as("the stream ends once the outcome is known").isTrue();
        for (String queueId : waiting) {
            assertThat(fx.get("/api/queue/" + queueId, null).json().get("state").asString()).isEqualTo("SOLD_OUT");
        }
        SyncFixture.Response late = join(perf, "late@example.com", null);
        late.assertProblem(409);
        assertThat(late.json().get("type").asString()).endsWith("/sold-out");
        assertThat(room.view(perf).inLine()).isEqualTo(5);
    }

    @Test
    void theEventStreamFollowsABuyerFromWaitingToAdmitted() throws Exception {
        String perf = fx.newPerformance();
        String queueId = join(perf, "ada@example.com", null).json().get("queueId").asString();
        Events stream = Events.open(port, "/api/queue/" + queueId + "/events");
        JsonNode last = stream.nextWhere("status", s -> s.get("state").asString().equals("ADMITTED"));
        assertThat(admissionTokens.verify(last.get("admissionToken").asString()).queueId()).isEqualTo(queueId);
        assertThat(stream.ended()).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Server-Sent Events stream read line by line. */
    static final class Events {
        private final BufferedReader lines;

        private Events(BufferedReader lines) {
            this.lines = lines;
        }

        static Events open(int port, String path) throws Exception {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Events(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
        }

        /** The data of the next event of this name, within 20 s. */
        JsonNode next(String name) throws Exception {
            return nextWhere(name, data -> true);
        }

        JsonNode nextWhere(String name, java.util.function.Predicate<JsonNode> wanted) throws Exception {
            CompletableFuture<JsonNode> found = CompletableFuture.supplyAsync(() -> {
                try {
                    String event = null;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:") && name.equals(event)) {
                            JsonNode data = SyncFixture.JSON.readTree(line.substring(5).trim());
                            if (wanted.test(data)) {
                                return data;
                            }
                        }
                    }
                    throw new AssertionError("The stream ended before the event came");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return found.get(20, TimeUnit.SECONDS);
        }

        /** Whether the server closes the stream within 5 s, with nothing more to say. */
        boolean ended() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            return false;
                        }
                    }
                    return true;
                } catch (java.io.IOException e) {
                    return true;
                }
            }).get(5, TimeUnit.SECONDS);
        }
    }
}

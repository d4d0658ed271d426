package com.boxoffice.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.core.terminal.TerminalEntity;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Point;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueKind;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.terminal.Credentials;
import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sync server's tests need: real HTTP to the running server, a small house to sell, terminals
 * with credentials, sales as a terminal writes them, and the stored state to check outcomes against.
 *
 * <pre>
 * STALLS rows A..E, seats 1..12, an aisle between 6 and 7; rows A, B in category A (6000),
 *   C..E in B (4000). BALCONY row A, seats 1..4 in category C (2500).
 * </pre>
 */
public final class SyncFixture {

    public static final String BOOTSTRAP_TOKEN = "sync-test-bootstrap-token";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** The sync tests' own Redis database, emptied before each test; {@code -Dboxoffice.test.sync-redis-database=N} picks another. */
    private static final int REDIS_DATABASE = Integer.getInteger("boxoffice.test.sync-redis-database", 14);
    private static final String VENUE_ID = "sync-test-house";

    private final int port;
    private final JdbcTemplate jdbc;
    private final HoldStore holds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final VenueRepository venues;
    private final PerformanceRepository performances;
    private final SeatAssignmentRepository assignments;
    private final TerminalRepository terminals;
    private final StaffDirectory staff;
    private final TransactionTemplate tx;
    private final SeatStates seatStates;

    public SyncFixture(int port, JdbcTemplate jdbc, HoldStore holds, VenueRepository venues, PerformanceRepository performances,
                       SeatAssignmentRepository assignments, TerminalRepository terminals, StaffDirectory staff,
                       TransactionTemplate tx, SeatStates seatStates) {
        this.port = port;
        this.jdbc = jdbc;
        this.holds = holds;
        this.venues = venues;
        this.performances = performances;
        this.assignments = assignments;
        this.terminals = terminals;
        this.staff = staff;
        this.tx = tx;
        this.seatStates = seatStates;
    }

    public static String redisUrl() {
        return TestRedis.url() + "/" + REDIS_DATABASE;
    }

    /** Empties the sync tests' Redis database. */
    public static void emptyRedis() {
        RedisClient client = RedisClient.create(redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    // ------------------------------------------------------------------ catalog

    public static Venue venue() {
        List<Row> stalls = new ArrayList<>();
        for (char r = 'A'; r <= 'E'; r++) {
            List<Seat> seats = new ArrayList<>();
            int rowNo = r - 'A';
            for (int s = 1; s <= 12; s++) {
                int fromAisle = s <= 6 ? 6 - s : s - 7;
                seats.add(new Seat("STALLS-" + r + "-" + s, String.valueOf(s), s, rowNo, rowNo < 2 ? "A" : "B",
                        rowNo * 100 + fromAisle, s == 6 || s == 7 ? EnumSet.of(Accessibility.AISLE) : Set.of(), s == 6));
            }
            stalls.add(new Row(String.valueOf(r), seats));
        }
        List<Seat> balcony = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            balcony.add(new Seat("BALCONY-A-" + s, String.valueOf(s), s, 10, "C", 1000 + s, Set.of(), false));
        }
        return new Venue(VENUE_ID, "Sync Test House", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Front", "#aa0000"), new PriceCategory("B", "Back", "#00aa00"),
                        new PriceCategory("C", "Balcony", "#0000aa")),
                List.of(new Section("STALLS", "Stalls", square(0, -1, 14, 6), stalls),
                        new Section("BALCONY", "Balcony", square(0, 9, 6, 11), List.of(new Row("A", balcony)))));
    }

    private static List<Point> square(double x0, double y0, double x1, double y1) {
        return List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    }

    /** A new performance at the test house, on sale now, with an id no other test uses. */
    public String newPerformance(OfflinePolicy policy) {
        String id = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        Performance performance = new Performance(id, VENUE_ID, "Sync Test Show", now.plus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(9)),
                List.of(new PriceTier("A", "Front", 6000, "EUR"), new PriceTier("B", "Back", 4000, "EUR"),
                        new PriceTier("C", "Balcony", 2500, "EUR")),
                new HoldPolicy(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ZERO, 2), 8, policy);
        tx.executeWithoutResult(status -> {
            if (!venues.existsById(VENUE_ID)) {
                Venue venue = venue();
                venues.save(VenueEntity.from(venue, VenueJson.write(venue), now));
            }
            performances.save(PerformanceEntity.from(performance));
        });
        return id;
    }

    public String newPerformance() {
        return newPerformance(OfflinePolicy.AT_RISK_ALLOWED);
    }

    /**
     * A new performance of a title at a venue (stored first when it is not yet), its sale open from
     * {@code saleOpens} until an hour before it starts, each priced category at the price given (EUR
     * minor units), with the usual hold times and a limit of 8 seats a buyer.
     */
    public String newPerformance(String title, Venue venue, Instant startsAt, Instant saleOpens, Map<String, Long> prices) {
        String id = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<PriceTier> tiers = new ArrayList<>();
        for (PriceCategory category : venue.categories()) {
            Long price = prices.get(category.code());
            if (price != null) {
                tiers.add(new PriceTier(category.code(), category.name(), price, "EUR"));
            }
        }
        Performance performance = new Performance(id, venue.id(), title, startsAt, saleOpens, startsAt.minus(Duration.ofHours(1)),
                tiers, HoldPolicy.DEFAULT, 8, OfflinePolicy.AT_RISK_ALLOWED);
        Instant now = Instant.now();
        tx.executeWithoutResult(status -> {
            if (!venues.existsById(venue.id())) {
                venues.save(VenueEntity.from(venue, VenueJson.write(venue), now));
            }
            performances.save(PerformanceEntity.from(performance));
        });
        return id;
    }

    /** Allocates seats to a terminal, durably and in the live state, as a manager would. */
    public void allocate(String performanceId, String terminalId, String... seatIds) {
        tx.executeWithoutResult(status -> {
            for (String seatId : seatIds) {
                assignments.save(SeatAssignmentEntity.allocated(performanceId, seatId, terminalId));
            }
        });
        seatStates.ensureLoaded(performanceId);
        holds.allocate(performanceId, List.of(seatIds), terminalId);
    }

    // ------------------------------------------------------------------ terminals

    /** A manager terminal and an active manager, written directly (as the bootstrap would make them). */
    public Manager manager() {
        String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        String staffId = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String secret = Credentials.newSecret();
        tx.executeWithoutResult(status ->
                terminals.save(TerminalEntity.register(id, "Manager desk", TerminalKind.MANAGER, Credentials.hash(secret), Instant.now())));
        staff.create(staffId, "Test Manager", StaffRole.MANAGER, "4321");
        return new Manager(id + "." + secret, staffId);
    }

    /** A manager terminal's credential and the manager signed in at it. */
    public record Manager(String credential, String staffId) {
    }

    /** Registers a terminal through the API, as a manager; returns its credential. */
    public String register(Manager manager, String terminalId, TerminalKind kind) {
        Response r = send("POST", "/sync/v1/terminals", manager.credential(), Map.of("X-Staff-Id", manager.staffId()),
                Map.of("id", terminalId, "name", "Terminal " + terminalId, "kind", kind.name()));
        if (r.status() != 201) {
            throw new AssertionError("Registering " + terminalId + " answered " + r.status() + " " + r.body());
        }
        return r.json().get("credential").asString();
    }

    public String newTerminalId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ------------------------------------------------------------------ sales

    /** A sale as a terminal journals it: one seat line per seat at the test house's prices, paid in cash. */
    public static Map<String, Object> sale(String saleId, long sequence, String performanceId, String orderId, String mode,
                                           String... seatIds) {
        List<Map<String, Object>> seats = new ArrayList<>();
        long total = 0;
        for (String seatId : seatIds) {
            String category = categoryOf(seatId);
            long price = priceOf(category);
            total += price;
            seats.add(Map.of("seatId", seatId, "category", category, "priceMinor", price));
        }
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("saleId", saleId);
        sale.put("sequence", sequence);
        sale.put("performanceId", performanceId);
        sale.put("orderId", orderId);
        sale.put("channel", "BOX_OFFICE");
        sale.put("mode", mode);
        sale.put("soldAt", "2026-11-25T10:00:00Z");
        sale.put("buyer", null);
        sale.put("currency", "EUR");
        sale.put("seats", seats);
        sale.put("payments", List.of(Map.of("method", "CASH", "amountMinor", total, "tenderedMinor", total + 500,
                "changeMinor", 500, "idempotencyKey", "pay-" + saleId)));
        return sale;
    }

    /** A new sale with fresh ids. */
    public static Map<String, Object> sale(long sequence, String performanceId, String mode, String... seatIds) {
        return sale(UUID.randomUUID().toString(), sequence, performanceId, UUID.randomUUID().toString(), mode, seatIds);
    }

    /** The test house's price of a category, as {@link #newPerformance} prices it. */
    public static long priceOf(String category) {
        return category.equals("A") ? 6000 : category.equals("B") ? 4000 : 2500;
    }

    public static String categoryOf(String seatId) {
        if (seatId.startsWith("BALCONY")) {
            return "C";
        }
        char row = seatId.charAt("STALLS-".length());
        return row <= 'B' ? "A" : "B";
    }

    public static Map<String, Object> batch(String terminalId, List<Map<String, Object>> sales) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", UUID.randomUUID().toString());
        batch.put("terminalId", terminalId);
        batch.put("sales", sales);
        return batch;
    }

    /** Uploads a batch and answers the outcomes by sale id; fails unless the server says 200. */
    public Map<String, JsonNode> upload(String credential, String terminalId, List<Map<String, Object>> sales) {
        Response r = send("POST", "/sync/v1/batches", credential, Map.of(), batch(terminalId, sales));
        if (r.status() != 200) {
            throw new AssertionError("Upload answered " + r.status() + " " + r.body());
        }
        Map<String, JsonNode> outcomes = new LinkedHashMap<>();
        for (JsonNode outcome : r.json().get("outcomes")) {
            outcomes.put(outcome.get("saleId").asString(), outcome);
        }
        return outcomes;
    }

    // ------------------------------------------------------------------ refunds

    /** A refund as a terminal journals it: seats of an order given back, for money or for an exchange. */
    public static Map<String, Object> refund(String refundId, long sequence, String kind, String performanceId, String orderId,
                                             long amountMinor, String... seatIds) {
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("refundId", refundId);
        refund.put("sequence", sequence);
        refund.put("kind", kind);
        refund.put("performanceId", performanceId);
        refund.put("orderId", orderId);
        refund.put("seatIds", List.of(seatIds));
        refund.put("amountMinor", amountMinor);
        refund.put("currency", "EUR");
        refund.put("refundedAt", "2026-11-25T11:00:00Z");
        refund.put("reason", "changed plans");
        return refund;
    }

    /** A new refund for money, with a fresh id, of the seats at the test house's prices. */
    public static Map<String, Object> refund(long sequence, String performanceId, String orderId, String... seatIds) {
        long amount = 0;
        for (String seatId : seatIds) {
            amount += priceOf(categoryOf(seatId));
        }
        return refund(UUID.randomUUID().toString(), sequence, "REFUND", performanceId, orderId, amount, seatIds);
    }

    public static Map<String, Object> refundBatch(String terminalId, List<Map<String, Object>> refunds) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", UUID.randomUUID().toString());
        batch.put("terminalId", terminalId);
        batch.put("refunds", refunds);
        return batch;
    }

    /** Delivers a batch of refunds and answers the outcomes in the order sent; fails unless the server says 200. */
    public List<JsonNode> deliverRefunds(String credential, Map<String, Object> batch) {
        Response r = send("POST", "/sync/v1/refunds", credential, Map.of(), batch);
        if (r.status() != 200) {
            throw new AssertionError("Refund delivery answered " + r.status() + " " + r.body());
        }
        if (!batch.get("batchId").equals(r.json().get("batchId").asString())) {
            throw new AssertionError("Refund delivery answered another batch: " + r.body());
        }
        List<JsonNode> outcomes = new ArrayList<>();
        r.json().get("outcomes").forEach(outcomes::add);
        return outcomes;
    }

    public List<JsonNode> deliverRefunds(String credential, String terminalId, List<Map<String, Object>> refunds) {
        return deliverRefunds(credential, refundBatch(terminalId, refunds));
    }

    // ------------------------------------------------------------------ HTTP

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** An RFC 7807 problem with this status, a type, a title and a sentence saying what is wrong. */
        public void assertProblem(int expectedStatus) {
            org.assertj.core.api.Assertions.assertThat(status).as(body).isEqualTo(expectedStatus);
            org.assertj.core.api.Assertions.assertThat(contentType).startsWith("application/problem+json");
            org.assertj.core.api.Assertions.assertThat(json().get("status").asInt()).isEqualTo(expectedStatus);
            org.assertj.core.api.Assertions.assertThat(json().get("type").asString()).startsWith("https://");
            org.assertj.core.api.Assertions.assertThat(json().get("title").asString()).isNotBlank();
            org.assertj.core.api.Assertions.assertThat(json().get("detail").asString()).isNotBlank();
        }
    }

    public Response send(String method, String path, String credential, Map<String, String> headers, Object body) {
        return sendRaw(method, path, credential, headers, body == null ? null : JSON.writeValueAsString(body));
    }

    public Response sendRaw(String method, String path, String credential, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String credential) {
        return send("GET", path, credential, Map.of(), null);
    }

    // ------------------------------------------------------------------ stored state

    /** Every seat's live state in Redis, one character per seat (loading the performance first if need be). */
    public String states(String performanceId) {
        seatStates.ensureLoaded(performanceId);
        return holds.availability(performanceId).states();
    }

    public char state(String performanceId, String seatId) {
        int index = seatIndex(seatId);
        return holds.availability(performanceId).states().charAt(index);
    }

    public static int seatIndex(String seatId) {
        return com.boxoffice.core.hold.SeatLayout.of(venue()).indexOf(seatId);
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Rows a performance has in every table a sale or refund writes to, as text, to compare whole states. */
    public List<String> stored(String performanceId) {
        List<String> out = new ArrayList<>();
        out.addAll(jdbc.queryForList("SELECT id || ' ' || status || ' ' || coalesce(total_minor, -1) || ' v' || version FROM sale_order"
                + " WHERE performance_id = ? ORDER BY id", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT s.order_id || ' ' || s.seat_id || ' ' || s.price_minor FROM order_seat s"
                + " JOIN sale_order o ON o.id = s.order_id WHERE o.performance_id = ? ORDER BY 1", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT id || ' ' || seat_id || ' ' || status || ' ' || coalesce(live_seat_key, '-') FROM ticket"
                + " WHERE performance_id = ? ORDER BY id", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT p.id || ' ' || p.amount_minor FROM payment p JOIN sale_order o ON o.id = p.order_id"
                + " WHERE o.performance_id = ? ORDER BY p.id", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT sale_id || ' ' || outcome || ' ' || seats FROM sync_sale WHERE performance_id = ?"
                + " ORDER BY sale_id", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT id || ' ' || resolution || ' ' || new_seats FROM sync_conflict WHERE performance_id = ?"
                + " ORDER BY id", String.class, performanceId));
        out.addAll(jdbc.queryForList("SELECT refund_id || ' ' || outcome || ' ' || seats FROM sync_refund WHERE performance_id = ?"
                + " ORDER BY refund_id", String.class, performanceId));
        return out;
    }

    /** Seats with more than one live ticket at the performance: must always be none. */
    public List<String> doubleSold(String performanceId) {
        return jdbc.queryForList("SELECT seat_id FROM ticket WHERE performance_id = ? AND status = 'LIVE'"
                + " GROUP BY seat_id HAVING count(*) > 1", String.class, performanceId);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}

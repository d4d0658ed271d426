package com.boxoffice.server.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives simulated buyers through a sync server's public online API over HTTP, as a flash sale
 * does, and checks the outcome in PostgreSQL:
 * <ol>
 * <li><b>join</b>: every buyer joins the performance's waiting room;</li>
 * <li><b>status</b>: every buyer reads where they stand once (their place number);</li>
 * <li><b>buy</b>: in place order, each buyer waits until admitted, holds the best 1 to 4 seats
 *     available (fewer when that many are no longer together) and pays with the approving test card,
 *     until the waiting room says the performance is sold out;</li>
 * <li><b>check</b>: live tickets in PostgreSQL against what the buyers were sold: every seat sold
 *     once, every sale the API confirmed recorded, nothing recorded that it did not confirm.</li>
 * </ol>
 * Joins and status reads go over a few kept-open connections, each sending requests in pipelined
 * batches, so the figures measure the server rather than the client.
 *
 * <pre>sync-server/bench/load.sh --url http://127.0.0.1:8080 --performance &lt;id&gt; --buyers 10000 \
 *   --jdbc jdbc:postgresql://127.0.0.1:5432/boxoffice --db-user postgres</pre>
 */
public final class LoadTool {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String APPROVED_CARD = "{\"cardNumber\":\"4242 4242 4242 4242\",\"expiry\":\"12/39\",\"cvc\":\"123\",\"name\":\"Load Test\"}";

    /**
     * What to run.
     *
     * @param connections  kept-open connections for joins and status reads
     * @param pipeline     requests sent on a connection before reading their answers
     * @param requestsPerConnection most requests the server answers on one kept-open connection
     * @param buyersAtOnce buyers going through hold and purchase at the same time
     * @param maxSeats     most seats one buyer asks for
     */
    public record Options(URI base, String performanceId, int buyers, int connections, int pipeline,
                          int requestsPerConnection, int buyersAtOnce, int maxSeats, boolean buy, String jdbcUrl,
                          String dbUser, String dbPassword) {
    }

    /**
     * What happened.
     *
     * @param sold       live tickets of the performance in PostgreSQL
     * @param oversold   seats sold more than once, or tickets the buyers were never sold, or sales confirmed to a buyer but not recorded
     * @param soldOutTold buyers the waiting room told the performance was sold out
     */
    public record Result(int joined, double joinPerSecond, long statusReads, double statusReadsPerSecond, int purchases,
                         int seatsBought, long sold, long oversold, int soldOutTold, double seconds) {
    }

    private record Entry(String queueId, long number) {
    }

    private final Options options;
    /** Seat ids in seat index order, read once from the seat map when first needed. */
    private volatile List<String> seatIds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public LoadTool(Options options) {
        this.options = options;
    }

    public Result run() throws Exception {
        long start = System.nanoTime();
        String runId = UUID.randomUUID().toString().substring(0, 8);

        long joinStart = System.nanoTime();
        List<String> queueIds = join(runId);
        double joinSeconds = seconds(joinStart);
        log("joined %d buyers in %.1f s", queueIds.size(), joinSeconds);

        long statusStart = System.nanoTime();
        List<Entry> entries = readStatuses(queueIds);
        double statusSeconds = seconds(statusStart);
        log("read %d statuses in %.1f s", entries.size(), statusSeconds);

        entries.sort(Comparator.comparingLong(Entry::number));
        Map<String, String> seatsSold = new ConcurrentHashMap<>();
        AtomicInteger purchases = new AtomicInteger();
        AtomicInteger soldOutTold = new AtomicInteger();
        if (options.buy()) {
            long buyStart = System.nanoTime();
            buy(entries, seatsSold, purchases, soldOutTold);
            log("bought %d seats in %d purchases in %.1f s", seatsSold.size(), purchases.get(), seconds(buyStart));
        }

        long[] checked = options.jdbcUrl() == null ? new long[] {-1, -1} : check(seatsSold);
        return new Result(queueIds.size(), queueIds.size() / joinSeconds, entries.size(), entries.size() / statusSeconds,
                purchases.get(), seatsSold.size(), checked[0], checked[1], soldOutTold.get(), seconds(start));
    }

    // ------------------------------------------------------------------ join

    private List<String> join(String runId) throws Exception {
        String[] ids = new String[options.buyers()];
        String path = "/api/performances/" + options.performanceId() + "/queue";
        parallel((from, to) -> {
            try (PipelinedHttp connection = new PipelinedHttp(options.base(), options.requestsPerConnection())) {
                for (int i = from; i < to; i += options.pipeline()) {
                    List<byte[]> batch = new ArrayList<>();
                    for (int j = i; j < Math.min(to, i + options.pipeline()); j++) {
                        batch.add(PipelinedHttp.postJson(path, "{\"email\":\"buyer-" + j + "." + runId + "@load.example\"}"));
                    }
                    List<PipelinedHttp.Answer> answers = connection.send(batch);
                    for (int k = 0; k < answers.size(); k++) {
                        PipelinedHttp.Answer answer = answers.get(k);
                        if (answer.status() == 201) {
                            ids[i + k] = JSON.readTree(answer.body()).get("queueId").asString();
                        } else if (answer.status() != 409) {
                            throw refused("Join", answer.status(), answer.body());
                        }
                    }
                }
            }
        });
        return Arrays.stream(ids).filter(id -> id != null).toList();
    }

    // ------------------------------------------------------------------ status

    private List<Entry> readStatuses(List<String> queueIds) throws Exception {
        Entry[] entries = new Entry[queueIds.size()];
        parallel(queueIds.size(), (from, to) -> {
            try (PipelinedHttp connection = new PipelinedHttp(options.base(), options.requestsPerConnection())) {
                for (int i = from; i < to; i += options.pipeline()) {
                    List<byte[]> batch = new ArrayList<>();
                    for (int j = i; j < Math.min(to, i + options.pipeline()); j++) {
                        batch.add(PipelinedHttp.get("/api/queue/" + queueIds.get(j)));
                    }
                    List<PipelinedHttp.Answer> answers = connection.send(batch);
                    for (int k = 0; k < answers.size(); k++) {
                        PipelinedHttp.Answer answer = answers.get(k);
                        if (answer.status() != 200) {
                            throw refused("Status", answer.status(), answer.body());
                        }
                        JsonNode status = JSON.readTree(answer.body());
                        JsonNode position = status.get("position");
                        // admitted or settled entries were at the front of the line
                        entries[i + k] = new Entry(queueIds.get(i + k), position == null || position.isNull() ? 0 : position.asLong());
                    }
                }
            }
        });
        return new ArrayList<>(Arrays.asList(entries));
    }

    /** A refused call, saying how to get past the per-address limits every simulated buyer shares. */
    private static IllegalStateException refused(String call, int status, String body) {
        return new IllegalStateException(call + " answered " + status + ": " + body + (status != 429 ? ""
                : " (every simulated buyer comes from this one address: start the server with"
                + " --boxoffice.online.joins-per-minute=100000000 --boxoffice.online.status-reads-per-second=100000000)"));
    }

    // ------------------------------------------------------------------ buy

    private void buy(List<Entry> entries, Map<String, String> seatsSold, AtomicInteger purchases, AtomicInteger soldOutTold)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean soldOut = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int b = 0; b < options.buyersAtOnce(); b++) {
                running.add(buyers.submit(() -> {
                    int i;
                    while (!soldOut.get() && (i = next.getAndIncrement()) < entries.size()) {
                        try {
                            String outcome = buyOne(entries.get(i).queueId(), seatsSold, purchases);
                            if (outcome.equals("SOLD_OUT")) {
                                soldOutTold.incrementAndGet();
                                soldOut.set(true);
                            }
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 5) {
                                log("a buyer failed: %s", e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        if (failures.get() > 0) {
            log("%d buyers failed", failures.get());
        }
    }

    /** One buyer from waiting to tickets; the state they ended in. */
    private String buyOne(String queueId, Map<String, String> seatsSold, AtomicInteger purchases) throws Exception {
        String token;
        while (true) {
            JsonNode status = call("GET", "/api/queue/" + queueId, null, null, null).json;
            String state = status.get("state").asString();
            if (state.equals("ADMITTED")) {
                token = status.get("admissionToken").asString();
                break;
            }
            if (!state.equals("WAITING") && !state.equals("LOBBY")) {
                return state;
            }
            Thread.sleep(25);
        }
        int wanted = ThreadLocalRandom.current().nextInt(1, options.maxSeats() + 1);
        Reply held = null;
        for (int count = wanted; count >= 1; count--) {
            held = call("POST", "/api/performances/" + options.performanceId() + "/holds", token, UUID.randomUUID().toString(),
                    "{\"bestAvailable\":{\"count\":" + count + "}}");
            if (held.status == 201 || !(held.status == 409 && held.json.get("type").asString().endsWith("/not-enough-seats"))) {
                break;
            }
        }
        if (held.status != 201) {
            // best available offers no seat it would choose (wheelchair spaces and their companion seats
            // are only given on request): look at the map and take what is left, as a buyer would
            held = pickFromMap(token, wanted);
        }
        if (held == null) {
            return "NO_SEATS";
        }
        String holdId = held.json.get("holdId").asString();
        String body = "{\"holdToken\":\"" + held.json.get("holdToken").asString() + "\",\"payment\":" + APPROVED_CARD + "}";
        Reply paid = call("POST", "/api/holds/" + holdId + "/purchase", held.json.get("admissionToken").asString(),
                UUID.randomUUID().toString(), body);
        if (paid.status != 200) {
            throw new IllegalStateException("Purchase answered " + paid.status + ": " + paid.body);
        }
        String orderId = paid.json.get("orderId").asString();
        for (JsonNode ticket : paid.json.get("tickets")) {
            String earlier = seatsSold.putIfAbsent(ticket.get("seatId").asString(), orderId);
            if (earlier != null) {
                log("SEAT SOLD TWICE: %s to %s and %s", ticket.get("seatId").asString(), earlier, orderId);
            }
        }
        purchases.incrementAndGet();
        return "DONE";
    }

    private record Reply(int status, String body, JsonNode json) {
    }

    /** Holds up to {@code wanted} of the seats the availability shows free; null when none can be had. */
    private Reply pickFromMap(String token, int wanted) throws Exception {
        String performance = "/api/performances/" + options.performanceId();
        if (seatIds == null) {
            List<String> ids = new ArrayList<>();
            for (JsonNode seat : call("GET", performance + "/seatmap", null, null, null).json.get("seats")) {
                ids.add(seat.get(0).asString());
            }
            seatIds = ids;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String states = call("GET", performance + "/availability", null, null, null).json.get("states").asString();
            List<String> free = new ArrayList<>();
            for (int i = 0; i < states.length(); i++) {
                if (states.charAt(i) == '.') {
                    free.add(seatIds.get(i));
                }
            }
            if (free.isEmpty()) {
                return null;
            }
            Collections.shuffle(free);
            List<String> chosen = free.subList(0, Math.min(wanted, free.size()));
            Reply held = call("POST", performance + "/holds", token, UUID.randomUUID().toString(),
                    "{\"seatIds\":" + JSON.writeValueAsString(chosen) + "}");
            if (held.status == 201) {
                return held;
            }
            if (held.status != 409) {
                return null;
            }
        }
        return null;
    }

    private Reply call(String method, String path, String bearer, String idempotencyKey, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    // ------------------------------------------------------------------ check

    /** Live tickets in PostgreSQL, and how many of them (or of the sales) are wrong. */
    private long[] check(Map<String, String> seatsSold) throws SQLException {
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword());
             PreparedStatement live = db.prepareStatement(
                     "SELECT seat_id, order_id FROM ticket WHERE performance_id = ? AND status = 'LIVE'")) {
            live.setString(1, options.performanceId());
            Map<String, List<String>> ordersBySeat = new HashMap<>();
            long sold = 0;
            try (ResultSet rows = live.executeQuery()) {
                while (rows.next()) {
                    sold++;
                    ordersBySeat.computeIfAbsent(rows.getString(1), s -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            long wrong = 0;
            for (Map.Entry<String, List<String>> seat : ordersBySeat.entrySet()) {
                if (seat.getValue().size() > 1 || !seat.getValue().get(0).equals(seatsSold.get(seat.getKey()))) {
                    wrong++;
                }
            }
            for (String seat : seatsSold.keySet()) {
                if (!ordersBySeat.containsKey(seat)) {
                    wrong++;
                }
            }
            return new long[] {sold, wrong};
        }
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface Slice {
        void run(int from, int to) throws IOException;
    }

    private void parallel(Slice slice) throws Exception {
        parallel(options.buyers(), slice);
    }

    /** Splits [0, n) over the connections, one thread each. */
    private void parallel(int n, Slice slice) throws Exception {
        int threads = options.connections();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    slice.run(from, to);
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("load: " + String.format(format, args));
    }

    /** {@code --name value} pairs; see the class comment. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!a.containsKey("url") || !a.containsKey("performance")) {
            System.err.println("usage: --url http://host:port --performance <id> [--buyers 10000] [--connections 4] [--pipeline 32]"
                    + " [--requests-per-connection 100] [--buyers-at-once 64] [--max-seats 4] [--buy false: join and read statuses only]"
                    + " [--jdbc jdbc:postgresql://...] [--db-user u] [--db-password p]");
            System.exit(2);
        }
        Result result = new LoadTool(new Options(URI.create(a.get("url")), a.get("performance"),
                Integer.parseInt(a.getOrDefault("buyers", "10000")), Integer.parseInt(a.getOrDefault("connections", "4")),
                Integer.parseInt(a.getOrDefault("pipeline", "32")), Integer.parseInt(a.getOrDefault("requests-per-connection", "100")),
                Integer.parseInt(a.getOrDefault("buyers-at-once", "64")),
                Integer.parseInt(a.getOrDefault("max-seats", "4")), Boolean.parseBoolean(a.getOrDefault("buy", "true")),
                a.get("jdbc"), a.getOrDefault("db-user", "postgres"),
                a.getOrDefault("db-password", ""))).run();
        System.out.println(result);
        System.exit(result.oversold() == 0 ? 0 : 1);
    }
}

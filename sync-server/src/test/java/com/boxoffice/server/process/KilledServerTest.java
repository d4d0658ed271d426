package com.boxoffice.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncServerApplication;
import com.boxoffice.server.SyncTestBase;
import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/**
 * The sync server as a real process, killed with SIGKILL while it applies a terminal's batch, then
 * started again: the terminal sends the same batch, and PostgreSQL and Redis end with every sale
 * exactly once. The first kill comes as soon as Redis has sold seats of the batch, the second once
 * all of them are sold there and the database write has not committed. Each performance's sales are
 * sold in one atomic script call and all of those calls are in flight at once, so a kill finds
 * whole performances sold or not, often all of them; a stop after only some of a batch's sales were
 * sold is replayed in {@link com.boxoffice.server.sync.CrashReplayTest}. This test's own server
 * (in-process, same database and Redis) only sets up the catalog and terminals and reads the
 * outcome, as a second instance behind a load balancer would.
 */
class KilledServerTest extends SyncTestBase {

    private static final int SALES = 400;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerKilledMidBatchLosesNothingAndAppliesNothingTwice() throws Exception {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        fx.states(perf);
        // 400 sales of one seat each over and over the small test house would conflict; use
        // every seat of a few performances instead, 60 seats each
        List<String> performances = new ArrayList<>(List.of(perf));
        while (performances.size() * 60 < SALES) {
            String more = fx.newPerformance();
            fx.states(more);
            performances.add(more);
        }
        List<Map<String, Object>> sales = new ArrayList<>();
        for (int i = 0; i < SALES; i++) {
            String p = performances.get(i / 60);
            sales.add(SyncFixture.sale(i + 1, p, "AT_RISK", seat(i % 60)));
        }
        String body = SyncFixture.JSON.writeValueAsString(SyncFixture.batch(terminal, sales));

        int port = freePort();
        // round 1: killed as soon as Redis has sold seats of the batch; round 2: killed once every
        // seat is sold in Redis, while the database write is under way or just before it
        int[] killWhenSold = {1, SALES};
        int round = 0;
        for (int soldInRedis : killWhenSold) {
            server = start(port, round++);
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(post(port, credential, body),
                    HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (soldInRedis(performances) < soldInRedis && System.nanoTime() < deadline && !inFlight.isDone()) {
                Thread.sleep(2);
            }
            server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            assertThat(server.isAlive()).isFalse();
            HttpResponse<String> cut = inFlight.handle((r, e) -> r).get(10, TimeUnit.SECONDS);
            if (round == 1) {
                assertThat(cut).as("the first kill came too late: the batch was answered").isNull();
                assertThat(soldInRedis(performances)).isBetween(1L, (long) SALES);
                assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ?", terminal)).isZero();
            }
        }
        // (the second kill may land just before or just after the commit: both must end the same)
        assertThat(soldInRedis(performances)).isEqualTo(SALES);

        server = start(port, round);
        HttpResponse<String> answer = http.send(post(port, credential, body), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode outcomes = SyncFixture.JSON.readTree(answer.body()).get("outcomes");
        assertThat(outcomes).hasSize(SALES);
        for (JsonNode outcome : outcomes) {
            assertThat(outcome.get("outcome").asString()).as(outcome.toString()).isEqualTo("ACCEPTED");
        }

        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ?", terminal)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE terminal_id = ?", terminal)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM ticket t JOIN sale_order o ON o.id = t.order_id"
                + " WHERE o.terminal_id = ? AND t.status = 'LIVE'", terminal)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM payment p JOIN sale_order o ON o.id = p.order_id"
                + " WHERE o.terminal_id = ?", terminal)).isEqualTo(SALES);
        for (String p : performances) {
            String states = holds.availability(p).states();
            long sold = states.chars().filter(c -> c == 'S').count();
            int expected = Math.min(60, SALES - performances.indexOf(p) * 60);
            assertThat(sold).as("seats sold in Redis for " + p).isEqualTo(expected);
            assertThat(holds.availability(p).soldByTerminal()).containsEntry(terminal, (long) expected);
        }
    }

    private long soldInRedis(List<String> performances) {
        long sold = 0;
        for (String p : performances) {
            sold += holds.availability(p).states().chars().filter(c -> c == 'S').count();
        }
        return sold;
    }

    /** The test house's seats in layout order: STALLS A..E 1..12. */
    private static String seat(int i) {
        return "STALLS-" + (char) ('A' + i / 12) + "-" + (i % 12 + 1);
    }

    private HttpRequest post(int port, String credential, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sync/v1/batches"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credential)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private Process start(int port, int round) throws Exception {
        HikariDataSource db = (HikariDataSource) dataSource;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = logs.resolve("server-" + round + ".log").toFile();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SyncServerApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--boxoffice.holds.redis-url=" + SyncFixture.redisUrl(),
                "--boxoffice.holds.sweeper=false")
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited: " + Files.readString(log.toPath()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The server did not answer its health check in 90 s: " + Files.readString(log.toPath()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

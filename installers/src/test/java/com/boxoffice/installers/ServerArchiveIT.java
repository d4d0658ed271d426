package com.boxoffice.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boxoffice.testsupport.TestPostgres;
import com.boxoffice.testsupport.TestRedis;

/**
 * The sync server's distribution archive, unpacked as an operator would and started by its own
 * script with its example settings and environment file (only the database, Redis, port and key
 * folder pointed at this machine's), against a real PostgreSQL and Redis: it must answer its health
 * endpoint UP, and create its schema and ticket keys on the way.
 */
class ServerArchiveIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("server.archive",
            "target/boxoffice-sync-server-0.1.0-SNAPSHOT.tar.gz"));
    private static final Duration START_TIME = Duration.ofSeconds(120);

    @TempDir
    Path root;

    private Process server;
    private Path log;

    @BeforeEach
    void unpack() throws Exception {
        assertThat(ARCHIVE).as("the archive is built in package").isRegularFile();
        run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", root.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void holdsTheServerItsSettingsAndAServiceUnit() throws Exception {
        Path home = home();
        assertThat(home.resolve("lib/boxoffice-sync-server.jar")).isRegularFile();
        assertThat(Files.isExecutable(home.resolve("bin/boxoffice-sync-server"))).isTrue();
        assertThat(home.resolve("README.md")).isRegularFile();
        String unit = Files.readString(home.resolve("systemd/boxoffice-sync-server.service"));
        assertThat(unit).contains("EnvironmentFile=/etc/boxoffice-sync-server/sync-server.env",
                "ExecStart=/opt/boxoffice-sync-server/bin/boxoffice-sync-server", "WantedBy=multi-user.target");
        assertThat(environmentFile(home.resolve("etc/sync-server.env")))
                .containsKeys("BOXOFFICE_DB_URL", "BOXOFFICE_DB_USER", "BOXOFFICE_DB_PASSWORD", "BOXOFFICE_REDIS_URL",
                        "PORT", "BOXOFFICE_SYNC_BOOTSTRAP_TOKEN", "BOXOFFICE_TICKET_KEYS", "JAVA_OPTS");
    }

    @Test
    void startsWithItsExampleSettingsAndAnswersHealthy() throws Exception {
        Path home = home();
        TestPostgres.Database database = TestPostgres.freshDatabase();
        int port = freePort();
        Path keys = root.resolve("keys");

        // the example environment file as systemd would read it, pointed at this machine's servers
        Map<String, String> environment = environmentFile(home.resolve("etc/sync-server.env"));
        environment.put("BOXOFFICE_DB_URL", database.jdbcUrl());
        environment.put("BOXOFFICE_DB_USER", database.user());
        environment.put("BOXOFFICE_DB_PASSWORD", database.password());
        environment.put("BOXOFFICE_REDIS_URL", TestRedis.url() + "/12");
        environment.put("PORT", String.valueOf(port));
        environment.put("BOXOFFICE_TICKET_KEYS", keys.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("BOXOFFICE_SYNC_BOOTSTRAP_TOKEN", "first-day-token");

        // the first manager account, made by the start script's create-staff command (PIN on stdin)
        ProcessBuilder createStaff = new ProcessBuilder(home.resolve("bin/boxoffice-sync-server").toString(),
                "create-staff", "ops", "Duty Manager", "manager").redirectErrorStream(true);
        createStaff.environment().putAll(environment);
        Process creating = createStaff.start();
        creating.getOutputStream().write("4826\n".getBytes(StandardCharsets.UTF_8));
        creating.getOutputStream().close();
        String created = new String(creating.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(creating.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(creating.exitValue()).as(created).isZero();
        assertThat(created).contains("Created manager 'ops' (Duty Manager).");

        log = root.resolve("server.log");
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/boxoffice-sync-server").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().putAll(environment);
        server = start.start();

        HttpResponse<String> health = awaitHealth(port);
        assertThat(health.statusCode()).as(tail()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(Files.list(keys).map(p -> p.getFileName().toString()).toList())
                .as("the ticket key pair is made on first start").isNotEmpty();
        HttpResponse<String> page = get(port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");

        // then, as the README says: the manager terminal with the bootstrap token, a window from it
        HttpResponse<String> office = post(port, "/sync/v1/terminals", "bootstrap.first-day-token", null,
                "{\"id\":\"office\",\"name\":\"Manager desk\",\"kind\":\"MANAGER\"}");
        assertThat(office.statusCode()).as(office.body()).isBetween(200, 201);
        String officeCredential = office.body().replaceAll(".*\"credential\":\"([^\"]+)\".*", "$1");
        assertThat(officeCredential).startsWith("office.");
        HttpResponse<String> window = post(port, "/sync/v1/terminals", officeCredential, "ops",
                "{\"id\":\"window-1\",\"name\":\"Window 1\",\"kind\":\"BOX_OFFICE\"}");
        assertThat(window.statusCode()).as(window.body()).isBetween(200, 201);
        assertThat(window.body()).contains("\"credential\":\"window-1.");
        HttpResponse<String> unknownManager = post(port, "/sync/v1/terminals", officeCredential, "nobody",
                "{\"id\":\"window-2\",\"name\":\"Window 2\",\"kind\":\"BOX_OFFICE\"}");
        assertThat(unknownManager.statusCode()).as("only an active manager registers terminals").isBetween(400, 499);
    }

    private Path home() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("boxoffice-sync-server-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no boxoffice-sync-server-<version> folder in the archive"));
        }
    }

    private HttpResponse<String> awaitHealth(int port) throws Exception {
        Instant until = Instant.now().plus(START_TIME);
        while (Instant.now().isBefore(until)) {
            if (!server.isAlive()) {
                throw new AssertionError("The server stopped with exit code " + server.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = get(port, "/actuator/health");
                if (health.statusCode() == 200) {
                    return health;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server did not answer healthy within " + START_TIME + ":\n" + tail());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> post(int port, String path, String bearer, String staffId, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (staffId != null) {
            request.header("X-Staff-Id", staffId);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** KEY=value lines as systemd's EnvironmentFile reads them: comments and blanks skipped, quotes taken off. */
    private static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as("a KEY=value line: " + line).isPositive();
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, equals).strip(), value);
        }
        return values;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no server log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}

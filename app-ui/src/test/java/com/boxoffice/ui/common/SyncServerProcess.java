package com.boxoffice.ui.common;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.testsupport.TestPostgres;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real sync server as a child process, for client tests: a fresh PostgreSQL database of its own,
 * the client tests' Redis database (the live seat state a venue's terminals and its sync server
 * share), a bootstrap token, and the demonstration staff (so the client's demo manager is a manager
 * there too). Started from the test classpath, where the server is a test dependency of the client.
 */
public final class SyncServerProcess implements AutoCloseable {

    public static final String BOOTSTRAP_TOKEN = "client-test-bootstrap-token";
    private static final String MAIN = "com.boxoffice.server.SyncServerApplication";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(SyncServerProcess.class);

    private final Process process;
    private final int port;
    private final TestPostgres.Database database;
    private final Path output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SyncServerProcess(Process process, int port, TestPostgres.Database database, Path output) {
        this.process = process;
        this.port = port;
        this.database = database;
        this.output = output;
    }

    /** Starts the server and waits until it answers its health check. */
    public static SyncServerProcess start(String redisUrl, Path logDir) throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(launch());
        command.addAll(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--boxoffice.holds.redis-url=" + redisUrl,
                "--boxoffice.sync.bootstrap-token=" + BOOTSTRAP_TOKEN,
                "--boxoffice.sync.demo-staff=true"));
        Files.createDirectories(logDir);
        Path output = logDir.resolve("sync-server-" + port + ".log");
        log.info("Starting the sync server on port {}: {}", port, command.size() > 4 && command.get(2).equals("-jar")
                ? "java -jar " + command.get(3) : "java -cp <test classpath> " + MAIN);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        SyncServerProcess server = new SyncServerProcess(process, port, database, output);
        try {
            server.awaitHealthy(Duration.ofSeconds(120));
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * How to run the server from this classpath. Packaged (a {@code verify} run), the server is its
     * own executable jar, whose classes only its launcher can load. Built only as far as its classes
     * (a {@code test} run), it runs from the test classpath without the client's own classes and
     * settings, the server's first, so its {@code application.properties} is the one read.
     */
    private static List<String> launch() throws IOException {
        String classpath = System.getProperty("java.class.path");
        List<String> entries = List.of(classpath.split(File.pathSeparator));
        for (String entry : entries) {
            Path path = Path.of(entry);
            boolean server = entry.contains("sync-server") || path.getFileName().toString().startsWith("boxoffice-sync-server");
            if (!server) {
                continue;
            }
            if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null) {
                        return List.of("-jar", path.toString());
                    }
                }
            }
            List<String> client = List.of(codeSource(SyncServerProcess.class), codeSource(com.boxoffice.ui.shell.BoxOfficeApp.class));
            List<String> serverFirst = new ArrayList<>(List.of(entry));
            entries.stream().filter(e -> !e.equals(entry) && !client.contains(Path.of(e).toAbsolutePath().toString()))
                    .forEach(serverFirst::add);
            return List.of("-cp", String.join(File.pathSeparator, serverFirst), MAIN);
        }
        throw new IllegalStateException("The sync server is not on the test classpath: " + classpath);
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The sync server exited: " + Files.readString(output));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The sync server did not answer its health check in " + patience.toSeconds() + " s: "
                + Files.readString(output));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the server wrote to its console. */
    public Path log() {
        return output;
    }

    /** Registers a terminal through the API; returns its credential ({@code terminalId.secret}). */
    public String register(String credential, String staffId, String terminalId, String kind) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/sync/v1/terminals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("id", terminalId, "name", "Terminal " + terminalId, "kind", kind))));
        if (staffId != null) {
            request.header("X-Staff-Id", staffId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("Registering " + terminalId + " answered " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode registered = JSON.readTree(response.body());
            return registered.get("credential").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The credential the bootstrap token gives, for registering the first (manager) terminal. */
    public static String bootstrapCredential() {
        return "bootstrap." + BOOTSTRAP_TOKEN;
    }

    /**
     * Copies a performance, its price tiers and its venue from a client's journal into the server's
     * database, as the box office's catalog would have put them there: the server and the client
     * then agree on every seat and price.
     */
    public void copyPerformance(DataSource journal, String performanceId) throws SQLException {
        try (Connection from = journal.getConnection();
             Connection to = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            String venueId;
            try (PreparedStatement venue = from.prepareStatement("SELECT venue_id FROM performance WHERE id = ?")) {
                venue.setString(1, performanceId);
                try (ResultSet rs = venue.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("The client's journal has no performance " + performanceId);
                    }
                    venueId = rs.getString(1);
                }
            }
            copy(from, to, "venue", "id", venueId);
            copy(from, to, "performance", "id", performanceId);
            copy(from, to, "price_tier", "performance_id", performanceId);
        }
    }

    private static void copy(Connection from, Connection to, String table, String key, String value) throws SQLException {
        try (PreparedStatement select = from.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " = ?")) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                try (PreparedStatement write = to.prepareStatement(insert)) {
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            write.setObject(i, rs.getObject(i));
                        }
                        write.executeUpdate();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}

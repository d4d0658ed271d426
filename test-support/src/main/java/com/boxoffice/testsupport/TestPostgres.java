package com.boxoffice.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests: {@code PG_URL} (a JDBC URL of a server, user in {@code PG_USER}) when
 * set, else the server on 127.0.0.1:5432 when it accepts user {@code postgres}, else embedded
 * PostgreSQL binaries shipped as a Maven artifact, started once per JVM
 * ({@code BOXOFFICE_TEST_SERVERS=embedded} skips the running servers).
 *
 * <p>Every caller gets a fresh, empty database of its own, dropped when the JVM exits, so tests never
 * see each other's rows and migrations always start from nothing.
 */
public final class TestPostgres {

    /** Connection details of one fresh database. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static Server server;
    private static final List<String> created = new ArrayList<>();

    private record Server(String baseUrl, String user, String password) {
        String url(String database) {
            return baseUrl + database;
        }
    }

    private TestPostgres() {
    }

    /** Creates a new empty database and returns how to reach it. */
    public static synchronized Database freshDatabase() {
        Server s = server();
        String name = "bo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        created.add(name);
        return new Database(s.url(name), s.user(), s.password());
    }

    private static Server server() {
        if (server == null) {
            server = resolve();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
        }
        return server;
    }

    private static Server resolve() {
        String configured = System.getenv("PG_URL");
        if (TestServers.embeddedOnly()) {
            return startEmbedded();
        }
        if (configured != null && !configured.isBlank()) {
            String base = configured.substring(0, configured.lastIndexOf('/') + 1);
            return new Server(base, env("PG_USER", "postgres"), env("PG_PASSWORD", ""));
        }
        Server local = new Server("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
        if (accepts(local)) {
            return local;
        }
        return startEmbedded();
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
            log.info("Started embedded PostgreSQL on port {}", pg.getPort());
            return new Server("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL reachable and the embedded one did not start", e);
        }
    }

    private static boolean accepts(Server s) {
        try (Connection c = DriverManager.getConnection(s.url("postgres") + "?connectTimeout=2", s.user(), s.password())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static synchronized void dropCreated() {
        if (created.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
             Statement st = c.createStatement()) {
            for (String name : created) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // best effort: a leftover empty test database does no harm
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

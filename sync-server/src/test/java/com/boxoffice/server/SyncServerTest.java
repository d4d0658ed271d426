package com.boxoffice.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import com.boxoffice.testsupport.TestPostgres;

/**
 * Runs a test class against the whole server on a random port: a fresh PostgreSQL database of its
 * own and the sync tests' Redis database. Classes with the same settings share one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = SyncServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.sync.bootstrap-token=" + SyncFixture.BOOTSTRAP_TOKEN,
            // the waiting room lets buyers through at once, and the card gateway answers quickly,
            // its timeouts settled within a second or two; every client is 127.0.0.1, so no address limits
            "boxoffice.online.admission-rate=1000", "boxoffice.online.admission-burst=1000",
            "boxoffice.online.admission-round-every=100ms", "boxoffice.online.joins-per-minute=1000000",
            "boxoffice.online.status-reads-per-second=1000000", "boxoffice.online.card-latency-min=0ms",
            "boxoffice.online.card-latency-max=20ms", "boxoffice.online.card-decline-rate=0",
            "boxoffice.online.card-timeout-rate=0", "boxoffice.online.card-lookup-lag=500ms",
            "boxoffice.online.card-answer-time=1s", "boxoffice.online.settle-every=300ms",
            // a quick heartbeat, so a test sees one (and a dropped stream noticed) within seconds
            "boxoffice.online.heartbeat=1s",
            // test classes with other settings run servers of their own side by side: keep idle connections few
            "spring.datasource.hikari.minimum-idle=2"})
@ContextConfiguration(initializers = SyncServerTest.Servers.class)
public @interface SyncServerTest {

    /** Points the server at a new database and at the sync tests' Redis database. */
    final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        /** The test servers' ticket key pair, made once per run in a folder of its own. */
        private static final java.nio.file.Path TICKET_KEYS = ticketKeys();

        private static java.nio.file.Path ticketKeys() {
            try {
                return java.nio.file.Files.createTempDirectory("boxoffice-ticket-keys");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.Database database = TestPostgres.freshDatabase();
            TestPropertyValues.of(
                    "boxoffice.holds.redis-url=" + SyncFixture.redisUrl(),
                    "spring.datasource.url=" + database.jdbcUrl() + "?reWriteBatchedInserts=true",
                    "spring.datasource.username=" + database.user(),
                    "spring.datasource.password=" + database.password(),
                    "boxoffice.online.ticket-keys=" + TICKET_KEYS).applyTo(context);
        }
    }
}

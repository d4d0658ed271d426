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
        // a quick heartbeat, so a test sees one (and a dropped stream noticed) within seconds
        properties = {"boxoffice.sync.bootstrap-token=" + SyncFixture.BOOTSTRAP_TOKEN, "boxoffice.online.heartbeat=1s"})
@ContextConfiguration(initializers = SyncServerTest.Servers.class)
public @interface SyncServerTest {

    /** Points the server at a new database and at the sync tests' Redis database. */
    final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.Database database = TestPostgres.freshDatabase();
            TestPropertyValues.of(
                    "boxoffice.holds.redis-url=" + SyncFixture.redisUrl(),
                    "spring.datasource.url=" + database.jdbcUrl() + "?reWriteBatchedInserts=true",
                    "spring.datasource.username=" + database.user(),
                    "spring.datasource.password=" + database.password()).applyTo(context);
        }
    }
}

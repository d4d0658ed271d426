package com.boxoffice.core.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;

import com.boxoffice.testsupport.TestRedis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import com.boxoffice.testsupport.TestPostgres;

/**
 * Runs a test class against a fresh, empty PostgreSQL database, the central database. Every class
 * carrying it shares one Spring context and one database; tests keep apart by using unique ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PersistenceTestApplication.class)
@ContextConfiguration(initializers = OnPostgres.Database.class)
public @interface OnPostgres {

    /** Points the context at a database of its own on the test PostgreSQL server. */
    final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.Database database = TestPostgres.freshDatabase();
            TestPropertyValues.of(
                    "boxoffice.holds.redis-url=" + TestRedis.url(),
                    "spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.user(),
                    "spring.datasource.password=" + database.password()).applyTo(context);
        }
    }
}

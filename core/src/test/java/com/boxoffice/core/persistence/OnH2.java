package com.boxoffice.core.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;

import com.boxoffice.testsupport.TestRedis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against a fresh in-memory H2, the database of the window terminals. Every class
 * carrying it shares one Spring context and one database; tests keep apart by using unique ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PersistenceTestApplication.class)
@ContextConfiguration(initializers = OnH2.Database.class)
public @interface OnH2 {

    /** Points the context at its own in-memory database. */
    final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            // DB_CLOSE_DELAY keeps the database while the pool happens to hold no connection.
            String url = "jdbc:h2:mem:core-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            TestPropertyValues.of(
                    "boxoffice.holds.redis-url=" + TestRedis.url(),
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=sa",
                    "spring.datasource.password=").applyTo(context);
        }
    }
}

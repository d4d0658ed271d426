package com.boxoffice.core.hold;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.boxoffice.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The hold contract on the local store over PostgreSQL: the migration and every statement the
 * store runs are meant for both H2 and PostgreSQL, and this keeps them so.
 */
class LocalHoldStoreOnPostgresTest extends HoldStoreContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected HoldStore newStore(MutableClock clock, PerformanceSeatings seatings) {
        return new LocalHoldStore(dataSource, clock, seatings, HoldTokens.withRandomSecret(), Duration.ofHours(1));
    }
}

package com.boxoffice.core.hold;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** The hold contract on a real Redis. */
class RedisHoldStoreTest extends HoldStoreContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestRedis.url());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected HoldStore newStore(MutableClock clock, PerformanceSeatings seatings) {
        return new RedisHoldStore(new RedisScripts(connection), clock, seatings, HoldTokens.withRandomSecret(),
                Duration.ofHours(1), 500);
    }
}

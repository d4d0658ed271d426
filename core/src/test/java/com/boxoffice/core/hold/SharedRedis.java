package com.boxoffice.core.hold;

import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * One Lettuce connection to the test Redis for every test in the JVM, as the product shares one
 * connection among all its threads. Closed when the JVM exits.
 */
public final class SharedRedis {

    private static StatefulRedisConnection<String, String> connection;

    private SharedRedis() {
    }

    public static synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            RedisClient client = RedisClient.create(TestRedis.url());
            connection = client.connect();
            Runtime.getRuntime().addShutdownHook(new Thread(client::shutdown));
        }
        return connection;
    }
}

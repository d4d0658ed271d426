package com.boxoffice.server.config;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.lettuce.core.api.StatefulRedisConnection;

/** Whether the Redis that holds the live seat state answers, for {@code /actuator/health}. */
@Component("redis")
public class RedisHealth implements HealthIndicator {

    private final StatefulRedisConnection<String, String> connection;

    public RedisHealth(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        try {
            String pong = connection.async().ping().toCompletableFuture().get(Duration.ofSeconds(2).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return "PONG".equals(pong) ? Health.up().build() : Health.down().withDetail("reply", pong).build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}

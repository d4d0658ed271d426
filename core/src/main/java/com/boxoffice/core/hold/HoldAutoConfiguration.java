package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Gives an application the Redis hold store: one shared Lettuce connection (commands from all
 * threads are pipelined on it) and one for bulk calls, the seat scripts, hold tokens and the expiry
 * sweeper. Any bean can
 * be replaced by declaring one of the same type.
 */
@AutoConfiguration
@EnableConfigurationProperties(HoldProperties.class)
public class HoldAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    RedisClient redisClient(HoldProperties properties) {
        return RedisClient.create(properties.redisUrl());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    @Bean
    @ConditionalOnMissingBean
    RedisScripts redisScripts(StatefulRedisConnection<String, String> connection, RedisClient client) {
        // bulk calls (a server applying uploaded sales) on a second connection, opened when first needed
        return new RedisScripts(connection, client::connect);
    }

    @Bean
    @ConditionalOnMissingBean
    PerformanceSeatings performanceSeatings() {
        return new InMemoryPerformanceSeatings();
    }

    @Bean
    @ConditionalOnMissingBean
    HoldTokens holdTokens(HoldProperties properties) {
        return properties.tokenSecret().isEmpty()
                ? HoldTokens.withRandomSecret()
                : new HoldTokens(properties.tokenSecret().getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    @ConditionalOnMissingBean(HoldStore.class)
    RedisHoldStore redisHoldStore(RedisScripts scripts, Clock clock, PerformanceSeatings seatings, HoldTokens tokens,
                                  HoldProperties properties) {
        return new RedisHoldStore(scripts, clock, seatings, tokens, properties.endedRetention(), properties.sweepBatch());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "boxoffice.holds.sweeper", havingValue = "true", matchIfMissing = true)
    HoldSweeper holdSweeper(HoldStore store, PerformanceSeatings seatings, HoldProperties properties) {
        return new HoldSweeper(store, seatings, properties.sweepBatch(), properties.sweepInterval());
    }
}

package com.boxoffice.core.hold;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the seat-hold engine ({@code boxoffice.holds.*}).
 *
 * @param redisUrl        Redis to keep seat state in; put the ACL user and password in the URL
 *                        ({@code redis://user:password@host:6379})
 * @param tokenSecret     secret behind hold tokens; set the same value on every server so a retried
 *                        request gets the same token from any of them (at least 16 characters;
 *                        empty: a random secret per process)
 * @param sweepInterval   how often expired holds are looked for (expiry itself is exact: a sweep
 *                        only decides how soon the seats show as free again)
 * @param sweepBatch      most holds one sweep call releases, to keep each script short
 * @param endedRetention  how long records of ended holds are kept, so late retries are answered
 */
@ConfigurationProperties("boxoffice.holds")
public record HoldProperties(
        @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
        @DefaultValue("") String tokenSecret,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("24h") Duration endedRetention) {
}

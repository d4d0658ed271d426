package com.boxoffice.testsupport;

import java.net.URI;

import com.boxoffice.localredis.LocalRedis;

/**
 * A real Redis for tests: {@code REDIS_URL} when set, else the server on 127.0.0.1:6379 when it answers
 * PING, else a real Redis binary shipped as a Maven artifact, started once per JVM on a free port
 * ({@code BOXOFFICE_TEST_SERVERS=embedded} skips the running servers, to try what a fresh machine
 * does).
 *
 * <p>Tests share the server, so they isolate themselves by key (every performance id is unique per
 * test) and never flush the database.
 */
public final class TestRedis {

    private static volatile String url;

    private TestRedis() {
    }

    /** A {@code redis://} URL of a running, real Redis. */
    public static synchronized String url() {
        if (url == null) {
            LocalRedis redis = TestServers.embeddedOnly() ? LocalRedis.startEmbedded() : LocalRedis.resolve(System.getenv("REDIS_URL"));
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            url = redis.url();
        }
        return url;
    }

    /** Host and port of {@link #url()}, for tools that take them apart (redis-benchmark). */
    public static URI uri() {
        return URI.create(url());
    }
}

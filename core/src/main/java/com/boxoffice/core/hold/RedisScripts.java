package com.boxoffice.core.hold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The seat scripts, each the shared library {@code lib.lua} followed by its own file. They run by
 * EVALSHA; a server that does not know a script yet (new, restarted or flushed) answers NOSCRIPT,
 * and the script is loaded and the call sent once more.
 *
 * <p>Bulk calls (a server applying terminals' uploaded sales, hundreds per call) can go on a
 * connection of their own: replies on one connection come back in the order the calls were sent,
 * so a quick call queued behind a run of bulk calls would wait for all of them.
 */
public final class RedisScripts {

    /**
     * The scripts under {@code redis/scripts/}: the seat scripts, each after the seat library
     * {@code lib.lua}, and the waiting room's ({@code queue/}), each after {@code queue/lib.lua}.
     */
    public enum Script {
        HOLD, EXTEND, RELEASE, CONFIRM, SWEEP, ASSIGN, SELL, SELL_MANY, REFUND, SNAPSHOT, LOAD,
        QUEUE_JOIN, QUEUE_STATUS, QUEUE_ADMIT, QUEUE_KEEP, QUEUE_FINISH, QUEUE_VIEW;

        private static final String QUEUE = "QUEUE_";

        String resource() {
            return name().startsWith(QUEUE)
                    ? "redis/scripts/queue/" + name().substring(QUEUE.length()).toLowerCase() + ".lua"
                    : "redis/scripts/" + name().toLowerCase() + ".lua";
        }

        String library() {
            return name().startsWith(QUEUE) ? "redis/scripts/queue/lib.lua" : "redis/scripts/lib.lua";
        }
    }

    private final StatefulRedisConnection<String, String> connection;
    private final Supplier<StatefulRedisConnection<String, String>> bulkConnector;
    private volatile StatefulRedisConnection<String, String> bulk;
    private final Map<Script, String> bodies = new EnumMap<>(Script.class);
    private final Map<Script, String> shas = new EnumMap<>(Script.class);

    /** Scripts that all run on the one connection, bulk calls included. */
    public RedisScripts(StatefulRedisConnection<String, String> connection) {
        this(connection, null);
    }

    /**
     * @param bulkConnector opens the connection for bulk calls ({@link #runBulk}) the first time one
     *                      is made (its owner closes it, as it closes the first); null to send them on
     *                      {@code connection}
     */
    public RedisScripts(StatefulRedisConnection<String, String> connection,
                        Supplier<StatefulRedisConnection<String, String>> bulkConnector) {
        this.connection = connection;
        this.bulkConnector = bulkConnector;
        for (Script script : Script.values()) {
            String body = read(script.library()) + "\n" + read(script.resource());
            bodies.put(script, body);
            shas.put(script, sha1(body));
        }
    }

    /** The connection the scripts run on. */
    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** The SHA1 digest Redis knows the script by. */
    public String sha(Script script) {
        return shas.get(script);
    }

    /** Loads every script now, so the first sale does not pay for it. */
    public void loadAll() {
        for (Script script : Script.values()) {
            connection.sync().scriptLoad(bodies.get(script));
        }
    }

    /** Runs a script; the future completes with its reply (a list) or the Redis error. */
    public CompletableFuture<List<Object>> run(Script script, String[] keys, String... args) {
        return run(connection, script, keys, args);
    }

    /** {@link #run} on the bulk connection, for a call that keeps Redis busy longer than most. */
    public CompletableFuture<List<Object>> runBulk(Script script, String[] keys, String... args) {
        return run(bulkConnection(), script, keys, args);
    }

    private StatefulRedisConnection<String, String> bulkConnection() {
        if (bulkConnector == null) {
            return connection;
        }
        StatefulRedisConnection<String, String> open = bulk;
        if (open == null) {
            synchronized (this) {
                if (bulk == null) {
                    bulk = bulkConnector.get();
                }
                open = bulk;
            }
        }
        return open;
    }

    private CompletableFuture<List<Object>> run(StatefulRedisConnection<String, String> on, Script script, String[] keys,
                                                String[] args) {
        return this.<List<Object>>evalsha(on, script, keys, args)
                .exceptionallyCompose(failure -> {
                    if (isNoScript(failure)) {
                        return on.async().scriptLoad(bodies.get(script)).toCompletableFuture()
                                .thenCompose(sha -> evalsha(on, script, keys, args));
                    }
                    return CompletableFuture.failedFuture(failure);
                });
    }

    private <T> CompletableFuture<T> evalsha(StatefulRedisConnection<String, String> on, Script script, String[] keys,
                                             String[] args) {
        return on.async().<T>evalsha(shas.get(script), ScriptOutputType.MULTI, keys, args).toCompletableFuture();
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof RedisNoScriptException
                || (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT"));
    }

    private static String read(String resource) {
        try (InputStream in = RedisScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing script resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

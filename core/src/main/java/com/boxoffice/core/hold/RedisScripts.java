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

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The seat scripts, each the shared library {@code lib.lua} followed by its own file. They run by
 * EVALSHA; a server that does not know a script yet (new, restarted or flushed) answers NOSCRIPT,
 * and the script is loaded and the call sent once more.
 */
public final class RedisScripts {

    /** The scripts under {@code redis/scripts/}. */
    public enum Script {
        HOLD, EXTEND, RELEASE, CONFIRM, SWEEP, ASSIGN, SELL, REFUND, SNAPSHOT, LOAD;

        String resource() {
            return "redis/scripts/" + name().toLowerCase() + ".lua";
        }
    }

    private final StatefulRedisConnection<String, String> connection;
    private final Map<Script, String> bodies = new EnumMap<>(Script.class);
    private final Map<Script, String> shas = new EnumMap<>(Script.class);

    public RedisScripts(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
        String lib = read("redis/scripts/lib.lua");
        for (Script script : Script.values()) {
            String body = lib + "\n" + read(script.resource());
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
        return this.<List<Object>>evalsha(script, keys, args)
                .exceptionallyCompose(failure -> {
                    if (isNoScript(failure)) {
                        return connection.async().scriptLoad(bodies.get(script)).toCompletableFuture()
                                .thenCompose(sha -> evalsha(script, keys, args));
                    }
                    return CompletableFuture.failedFuture(failure);
                });
    }

    private <T> CompletableFuture<T> evalsha(Script script, String[] keys, String[] args) {
        return connection.async().<T>evalsha(shas.get(script), ScriptOutputType.MULTI, keys, args).toCompletableFuture();
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

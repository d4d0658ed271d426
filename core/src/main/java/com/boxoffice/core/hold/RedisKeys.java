package com.boxoffice.core.hold;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names of a performance's Redis keys, in the order every seat script expects them. All share the
 * hash tag {@code {perf:<id>}}, so each script touches one slot and runs unchanged on Redis Cluster.
 */
public final class RedisKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String[] PARTS = {
        "meta", "state", "owner", "flags", "seatblk", "blocks", "runs", "maxrun",
        "holds", "expiry", "ended", "buyers", "feed", "sales", "counts"
    };

    private RedisKeys() {
    }

    // Built once per performance: every seat call needs them, and the hot path should not
    // rebuild fifteen strings and run a regex each time.
    private static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();

    /** The keys of a performance, in script order. The array is shared: callers must not change it. */
    public static String[] of(String performanceId) {
        String[] cached = performanceId == null ? null : CACHE.get(performanceId);
        if (cached != null) {
            return cached;
        }
        if (performanceId == null || !ID.matcher(performanceId).matches()) {
            throw new UnknownPerformanceException("Not a performance id: " + performanceId);
        }
        String[] keys = build(performanceId);
        CACHE.putIfAbsent(performanceId, keys);
        return keys;
    }

    private static String[] build(String performanceId) {
        String[] keys = new String[PARTS.length];
        for (int i = 0; i < PARTS.length; i++) {
            keys[i] = "bo:{perf:" + performanceId + "}:" + PARTS[i];
        }
        return keys;
    }

    /** The change-feed stream of a performance. */
    public static String feed(String performanceId) {
        return of(performanceId)[12];
    }
}

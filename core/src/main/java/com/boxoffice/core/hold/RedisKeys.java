package com.boxoffice.core.hold;

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

    public static String[] of(String performanceId) {
        if (performanceId == null || !ID.matcher(performanceId).matches()) {
            throw new UnknownPerformanceException("Not a performance id: " + performanceId);
        }
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

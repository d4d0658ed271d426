package com.boxoffice.server.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address: each address may make {@code perWindow} calls a window, saved
 * up to that many. Kept in this server's memory: behind a load balancer each server allows its own
 * share, which only loosens the limit by the number of servers, never blocks a fair user.
 */
final class AddressRateLimiter {

    /** Addresses idle this long are forgotten, so the table does not grow without end. */
    private static final long FORGET_AFTER_NANOS = 10L * 60 * 1_000_000_000L;

    private final double perNano;
    private final double capacity;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastCleanup = System.nanoTime();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    AddressRateLimiter(int perWindow, java.time.Duration window) {
        this.capacity = perWindow;
        this.perNano = perWindow / (double) window.toNanos();
    }

    /** Takes one call from the address's allowance; 0 when allowed, else seconds until the next is. */
    long acquire(String address) {
        long now = System.nanoTime();
        cleanup(now);
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }

    private void cleanup(long now) {
        if (now - lastCleanup < FORGET_AFTER_NANOS) {
            return;
        }
        lastCleanup = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().at > FORGET_AFTER_NANOS);
    }
}

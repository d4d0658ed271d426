package com.boxoffice.core.hold;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases expired holds in the background, every performance in turn. Key expiry and keyspace
 * notifications are not used: they are fire-and-forget, while the sweep reads the expiry index and
 * releases only holds that are really past due. Several processes may sweep the same performance;
 * the script makes that harmless.
 */
public class HoldSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final HoldStore store;
    private final PerformanceSeatings seatings;
    private final int batch;
    private final ScheduledExecutorService timer;

    public HoldSweeper(HoldStore store, PerformanceSeatings seatings, int batch, Duration interval) {
        this.store = store;
        this.seatings = seatings;
        this.batch = batch;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hold-sweeper");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sweeps every performance once; a performance with more than a batch due is swept again. */
    public int sweepAll() {
        int expired = 0;
        for (String performanceId : seatings.performanceIds()) {
            SweepResult result;
            do {
                result = store.sweep(performanceId);
                expired += result.expired();
            } while (result.expired() >= batch);
        }
        return expired;
    }

    private void sweepSafely() {
        try {
            sweepAll();
        } catch (RuntimeException e) {
            // Redis away or a performance not loaded: try again next time, the holds stay due
            log.warn("Hold sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

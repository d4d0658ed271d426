package com.boxoffice.server.catalog;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.sale.SeatStateRebuild;

/**
 * Makes sure a performance's seats are in Redis before the server works on them: the first time a
 * performance is used, and again whenever Redis answers that it does not know it (a restarted or
 * flushed Redis), its live state is rebuilt from the database, the durable truth.
 */
@Component
public class SeatStates {

    private static final Logger log = LoggerFactory.getLogger(SeatStates.class);

    private final HoldStore holds;
    private final SeatStateRebuild rebuild;
    private final CatalogSeatings seatings;
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public SeatStates(HoldStore holds, SeatStateRebuild rebuild, CatalogSeatings seatings) {
        this.holds = holds;
        this.rebuild = rebuild;
        this.seatings = seatings;
    }

    /** Loads the performance into Redis unless it is there. */
    public void ensureLoaded(String performanceId) {
        if (loaded.contains(performanceId)) {
            return;
        }
        synchronized (locks.computeIfAbsent(performanceId, id -> new Object())) {
            if (loaded.contains(performanceId)) {
                return;
            }
            seatings.seating(performanceId);
            try {
                holds.availability(performanceId);
            } catch (UnknownPerformanceException e) {
                log.info("Loading the seats of performance {} into Redis from the database", performanceId);
                rebuild.rebuild(performanceId);
            }
            loaded.add(performanceId);
        }
    }

    /** The seat layout of a performance, in the order its seat states are given. */
    public com.boxoffice.core.hold.SeatLayout layoutOf(String performanceId) {
        return seatings.seating(performanceId).layout();
    }

    /** Called when Redis said it does not know the performance: load it again. */
    public void reload(String performanceId) {
        loaded.remove(performanceId);
        ensureLoaded(performanceId);
    }
}

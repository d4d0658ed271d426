package com.boxoffice.server.queue;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.queue.AdmissionPolicy;
import com.boxoffice.core.queue.AdmissionRound;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.online.OnlineProperties;

/**
 * Runs admission rounds for every performance with a waiting room, a few times a second. Every
 * server runs them: the rate is kept in Redis, so more servers do not admit faster, and a server
 * that stops leaves the others admitting.
 */
@Component
public class AdmissionRounds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdmissionRounds.class);

    private final WaitingRoom room;
    private final CatalogSeatings seatings;
    private final SeatStates seatStates;
    private final Clock clock;
    private final AdmissionPolicy policy;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "admission-rounds");
        thread.setDaemon(true);
        return thread;
    });

    public AdmissionRounds(WaitingRoom room, CatalogSeatings seatings, SeatStates seatStates, Clock clock,
                           OnlineProperties properties) {
        this.room = room;
        this.seatings = seatings;
        this.seatStates = seatStates;
        this.clock = clock;
        this.policy = policyOf(properties);
        long every = properties.admissionRoundEvery().toMillis();
        timer.scheduleWithFixedDelay(this::runRounds, every, every, TimeUnit.MILLISECONDS);
    }

    /** The admission policy the settings describe. */
    public static AdmissionPolicy policyOf(OnlineProperties properties) {
        return new AdmissionPolicy(properties.admissionRate(), properties.admissionBurst(), properties.admissionTime(),
                properties.admissionRoundLimit());
    }

    private void runRounds() {
        try {
            for (String performanceId : room.rooms()) {
                try {
                    admit(performanceId);
                } catch (RuntimeException e) {
                    log.warn("Admission round for performance {} failed: {}", performanceId, e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the waiting rooms: {}", e.toString());
        }
    }

    /**
     * One round for one performance; null when there is none: its sale is over (the room is closed),
     * or this server's database does not know the performance (left to the servers that do).
     */
    AdmissionRound admit(String performanceId) {
        Performance performance;
        try {
            performance = seatings.seating(performanceId).performance();
        } catch (UnknownPerformanceException e) {
            return null;
        }
        if (!clock.instant().isBefore(performance.saleCloses())) {
            room.closeRoom(performanceId);
            return null;
        }
        seatStates.ensureLoaded(performanceId);
        return room.admit(performanceId, performance.saleOpens(), policy);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

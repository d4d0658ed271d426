package com.boxoffice.ui.seatmap;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisSeatFeed;
import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.demo.DemoCatalog;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One performance's live seat map: a snapshot, then every change from the feed after it, applied on
 * the FX thread as it happens. A rebuild of the live state, or any break in the feed, takes a new
 * snapshot. While the terminal sells offline the feed is gone: the map then shows the terminal's
 * own seat state, read again every second, until the live state answers again.
 */
public class SeatMapViewModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeatMapViewModel.class);
    static final String LIVE = "Live";
    static final String OFFLINE = "Offline: showing this terminal's own sales";
    static final String RETRYING = "Connection to the seat server lost; retrying. Seats shown may be out of date.";

    /** Where the map's content goes: the seat map control. */
    public interface Display {
        void show(SeatMapData data, String states);

        /** Every seat's state anew (after a rebuild of the live state). */
        void replaceStates(String states);

        void apply(SeatChange change);
    }

    private final DemoCatalog catalog;
    private final PerformanceSeatings seatings;
    private final HoldStore holds;
    private final RedisClient redis;
    private final BooleanSupplier offline;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading the seat map...");
    private volatile boolean open = true;

    /**
     * @param holds   the terminal's hold store: the live state while online, its own while offline
     * @param redis   the feed is read on a connection of this map's own: blocking reads hold it
     * @param offline whether the terminal sells offline (the map then polls {@code holds})
     */
    public SeatMapViewModel(DemoCatalog catalog, PerformanceSeatings seatings, HoldStore holds, RedisClient redis,
                            BooleanSupplier offline) {
        this.catalog = catalog;
        this.seatings = seatings;
        this.holds = holds;
        this.redis = redis;
        this.offline = offline;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Loads the map of a performance into the display and keeps it live until {@link #close()}. */
    public void open(String performanceId, Display display) {
        Fx.inBackground(() -> {
            String venueId = seatings.seating(performanceId).performance().venueId();
            boolean wasOffline = offline.getAsBoolean();
            Availability availability = holds.availability(performanceId);
            // the terminal's own state carries no position in the live feed
            return new Loaded(SeatMapData.of(catalog.venue(venueId)), availability.states(),
                    wasOffline ? null : availability.feedId());
        }, loaded -> {
            display.show(loaded.data(), loaded.states());
            status.set(loaded.feedId() == null ? OFFLINE : LIVE);
            Thread.ofVirtual().name("seat-feed-" + performanceId)
                    .start(() -> follow(performanceId, loaded.feedId(), loaded.states(), display));
        }, error -> status.set("Could not load the seat map (" + error.getMessage() + "). Close this tab and try again."));
    }

    private record Loaded(SeatMapData data, String states, String feedId) {
    }

    /**
     * @param fromId the feed position of the states shown; null when they did not come from the live
     *               state (they are reloaded from it before the feed is followed)
     */
    private void follow(String performanceId, String fromId, String states, Display display) {
        String cursor = fromId;
        String shown = states;
        // The follower owns its connection: it opens it, and closes it when the map is closed.
        StatefulRedisConnection<String, String> connection = null;
        try {
            while (open) {
                try {
                    if (cursor == null) {
                        if (offline.getAsBoolean()) {
                            shown = showOwnState(performanceId, shown, display);
                            pause();
                            continue;
                        }
                        Availability fresh = holds.availability(performanceId);
                        String now = fresh.states();
                        Fx.onFxThread(() -> display.replaceStates(now));
                        cursor = fresh.feedId();
                        shown = null;
                    }
                    if (connection == null) {
                        connection = redis.connect();
                    }
                    cursor = readFeed(new RedisSeatFeed(connection), performanceId, cursor, display);
                    Fx.onFxThread(() -> status.set(LIVE));
                } catch (RuntimeException e) {
                    if (!open) {
                        return;
                    }
                    if (cursor != null) {
                        log.warn("Seat feed of {} interrupted: {}", performanceId, e.toString());
                    }
                    // whatever was missed is read afresh when the live state answers again
                    cursor = null;
                    boolean sellingOffline = offline.getAsBoolean();
                    Fx.onFxThread(() -> status.set(sellingOffline ? OFFLINE : RETRYING));
                    pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Reads the next changes of the feed onto the display; the position after them. */
    private String readFeed(RedisSeatFeed feed, String performanceId, String from, Display display) {
        String cursor = from;
        for (SeatChange change : feed.read(performanceId, cursor, 500, Duration.ofSeconds(1))) {
            if (change.isRebuild()) {
                Availability fresh = holds.availability(performanceId);
                String states = fresh.states();
                Fx.onFxThread(() -> display.replaceStates(states));
                return fresh.feedId();
            }
            cursor = change.id();
            Fx.onFxThread(() -> display.apply(change));
        }
        return cursor;
    }

    /** Shows the terminal's own seat state (while offline) when it changed; the states shown. */
    private String showOwnState(String performanceId, String shown, Display display) {
        String states;
        try {
            states = holds.availability(performanceId).states();
        } catch (UnknownPerformanceException e) {
            Fx.onFxThread(() -> status.set("Offline: this terminal has no copy of this performance's seats, so it "
                    + "cannot sell them until the connection is back."));
            return shown;
        }
        if (!states.equals(shown)) {
            Fx.onFxThread(() -> display.replaceStates(states));
        }
        Fx.onFxThread(() -> status.set(OFFLINE));
        return states;
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(1000);
    }

    /**
     * Stops following within a second (the follower is not interrupted: offline it may be reading the
     * terminal's journal, whose file an interrupt would close).
     */
    @Override
    public void close() {
        open = false;
    }
}

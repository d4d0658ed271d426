package com.boxoffice.ui.seatmap;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisSeatFeed;
import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.demo.DemoCatalog;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One performance's live seat map: a snapshot, then every change from the feed after it, applied on
 * the FX thread as it happens. A rebuild of the live state, or any break in the feed, takes a new
 * snapshot.
 */
public class SeatMapViewModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeatMapViewModel.class);

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
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading the seat map...");
    private volatile boolean open = true;
    private Thread follower;

    /** @param redis the feed is read on a connection of this map's own: blocking reads hold it */
    public SeatMapViewModel(DemoCatalog catalog, PerformanceSeatings seatings, HoldStore holds, RedisClient redis) {
        this.catalog = catalog;
        this.seatings = seatings;
        this.holds = holds;
        this.redis = redis;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Loads the map of a performance into the display and keeps it live until {@link #close()}. */
    public void open(String performanceId, Display display) {
        Fx.inBackground(() -> {
            String venueId = seatings.seating(performanceId).performance().venueId();
            return new Loaded(SeatMapData.of(catalog.venue(venueId)), holds.availability(performanceId));
        }, loaded -> {
            display.show(loaded.data(), loaded.availability().states());
            status.set("Live");
            // The follower owns its connection: it opens it, and closes it when the map is closed.
            follower = Thread.ofVirtual().name("seat-feed-" + performanceId).start(() -> {
                try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                    follow(new RedisSeatFeed(connection), performanceId, loaded.availability().feedId(), display);
                }
            });
        }, error -> status.set("Could not load the seat map (" + error.getMessage() + "). Close this tab and try again."));
    }

    private record Loaded(SeatMapData data, Availability availability) {
    }

    private void follow(RedisSeatFeed feed, String performanceId, String fromId, Display display) {
        String cursor = fromId;
        while (open) {
            try {
                List<SeatChange> changes = feed.read(performanceId, cursor, 500, Duration.ofSeconds(1));
                for (SeatChange change : changes) {
                    if (change.isRebuild()) {
                        Availability fresh = holds.availability(performanceId);
                        cursor = fresh.feedId();
                        String states = fresh.states();
                        Fx.onFxThread(() -> display.replaceStates(states));
                        break;
                    }
                    cursor = change.id();
                    Fx.onFxThread(() -> display.apply(change));
                }
                Fx.onFxThread(() -> status.set("Live"));
            } catch (RuntimeException e) {
                if (!open) {
                    return;
                }
                log.warn("Seat feed of {} interrupted: {}", performanceId, e.toString());
                Fx.onFxThread(() -> status.set("Connection to the seat server lost; retrying. Seats shown may be out of date."));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        if (follower != null) {
            follower.interrupt();
        }
    }
}

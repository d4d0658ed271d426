package com.boxoffice.server.online;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

import com.boxoffice.core.hold.RedisSeatFeed;
import com.boxoffice.core.hold.SeatChange;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Follows one performance's change feed for every subscriber of this server instance: one blocking
 * read at a time on a Redis connection of its own, each change rendered once and handed to every
 * subscriber's queue. Stops (and closes its connection) when its last subscriber leaves.
 *
 * <p>A subscriber that asks for changes after an id older than the tailer's position is caught up
 * with one non-blocking read on the shared connection, under the tailer's lock, so nothing the
 * tailer hands over meanwhile can come before what the catch-up sends.
 */
final class FeedTailer {

    private static final Logger log = LoggerFactory.getLogger(FeedTailer.class);
    private static final int BATCH = 500;
    private static final Duration BLOCK = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String performanceId;
    private final RedisClient client;
    private final RedisSeatFeed sharedFeed;
    private final int catchUpLimit;
    private final Consumer<FeedTailer> onStop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<ChangeSubscriber> subscribers = new LinkedHashSet<>();
    private FeedId position;
    private boolean started;
    private boolean stopped;
    private StatefulRedisConnection<String, String> connection;

    /**
     * @param sharedFeed the feed on the shared connection, for non-blocking catch-up reads only
     * @param onStop     told once when the tailer stops, so a new one is made for the next subscriber
     */
    FeedTailer(String performanceId, RedisClient client, RedisSeatFeed sharedFeed, int catchUpLimit,
               Consumer<FeedTailer> onStop) {
        this.performanceId = performanceId;
        this.client = client;
        this.sharedFeed = sharedFeed;
        this.catchUpLimit = catchUpLimit;
        this.onStop = onStop;
    }

    /**
     * Adds a subscriber that wants the changes after {@code after} (null: from now on). One that
     * cannot be brought up to date is sent a reset and closed instead.
     *
     * @return false when this tailer has stopped; the caller asks a new one
     */
    boolean join(ChangeSubscriber subscriber, FeedId after) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            if (!started) {
                start();
            }
            if (subscriber.isDone()) {
                return true;
            }
            if (after == null || after.equals(position)) {
                subscriber.cursor = position;
            } else if (after.isAfter(position)) {
                // the subscriber's snapshot is newer than what this tailer has read so far: it skips
                // changes up to its id, once the feed is known to have that id at all
                if (sharedFeed.catchUp(performanceId, after.toString(), 0).isEmpty()) {
                    subscriber.sendThenClose(SeatChangeEvents.reset("unknown-feed-id"));
                    return true;
                }
                subscriber.cursor = after;
            } else if (!catchUp(subscriber, after)) {
                return true;
            }
            subscribers.add(subscriber);
            // after adding: a stream that ended meanwhile is taken out again at once
            subscriber.onDone(this::leave);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends the subscriber the changes from {@code after} up to the tailer's position; false when it was reset instead. */
    private boolean catchUp(ChangeSubscriber subscriber, FeedId after) {
        Optional<List<SeatChange>> read = sharedFeed.catchUp(performanceId, after.toString(), catchUpLimit);
        if (read.isEmpty()) {
            subscriber.sendThenClose(SeatChangeEvents.reset("too-far-behind"));
            return false;
        }
        List<SeatChange> missed = new ArrayList<>();
        boolean reached = read.get().size() < catchUpLimit;
        for (SeatChange change : read.get()) {
            FeedId id = FeedId.parse(change.id());
            if (id.isAfter(position)) {
                reached = true;
                break;
            }
            if (change.isRebuild()) {
                subscriber.sendThenClose(SeatChangeEvents.reset("rebuilt"));
                return false;
            }
            missed.add(change);
            if (id.equals(position)) {
                reached = true;
            }
        }
        if (!reached) {
            subscriber.sendThenClose(SeatChangeEvents.reset("too-far-behind"));
            return false;
        }
        missed.forEach(change -> subscriber.send(SeatChangeEvents.seats(change)));
        subscriber.cursor = position;
        return true;
    }

    private void start() {
        started = true;
        try {
            connection = client.connect();
            position = FeedId.parse(new RedisSeatFeed(connection).lastId(performanceId));
        } catch (RuntimeException e) {
            stopLocked();
            throw e;
        }
        FeedId from = position;
        Thread.ofVirtual().name("seat-changes-" + performanceId).start(() -> follow(from));
    }

    private void follow(FeedId start) {
        RedisSeatFeed feed = new RedisSeatFeed(connection);
        FeedId from = start;
        boolean recheck = false;
        while (!isStopped()) {
            try {
                if (recheck) {
                    recheck = false;
                    if (feed.catchUp(performanceId, from.toString(), 0).isEmpty()) {
                        // while the feed could not be read it moved on past what the stream keeps
                        from = FeedId.parse(feed.lastId(performanceId));
                        resetAll(from, "too-far-behind");
                        continue;
                    }
                }
                List<SeatChange> changes = feed.read(performanceId, from.toString(), BATCH, BLOCK);
                if (!changes.isEmpty()) {
                    from = publish(changes);
                }
            } catch (RuntimeException e) {
                if (isStopped()) {
                    return;
                }
                log.warn("Reading the seat changes of {} failed, trying again: {}", performanceId, e.toString());
                recheck = true;
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Hands the changes to every subscriber; the position after them. */
    private FeedId publish(List<SeatChange> changes) {
        lock.lock();
        try {
            for (SeatChange change : changes) {
                FeedId id = FeedId.parse(change.id());
                if (change.isRebuild()) {
                    // the whole state was reloaded: every copy of it must be taken again
                    resetLocked(id, "rebuilt");
                    continue;
                }
                Set<DataWithMediaType> event = null;
                for (ChangeSubscriber subscriber : subscribers) {
                    if (id.isAfter(subscriber.cursor)) {
                        if (event == null) {
                            event = SeatChangeEvents.seats(change);
                        }
                        subscriber.send(event);
                        subscriber.cursor = id;
                    }
                }
                position = id;
            }
            return position;
        } finally {
            lock.unlock();
        }
    }

    private void resetAll(FeedId at, String reason) {
        lock.lock();
        try {
            resetLocked(at, reason);
        } finally {
            lock.unlock();
        }
    }

    private void resetLocked(FeedId at, String reason) {
        position = at;
        List<ChangeSubscriber> all = new ArrayList<>(subscribers);
        subscribers.clear();
        Set<DataWithMediaType> reset = SeatChangeEvents.reset(reason);
        all.forEach(s -> s.sendThenClose(reset));
        if (subscribers.isEmpty()) {
            stopLocked();
        }
    }

    private void leave(ChangeSubscriber subscriber) {
        lock.lock();
        try {
            if (subscribers.remove(subscriber) && subscribers.isEmpty()) {
                stopLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private void stopLocked() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (connection != null) {
            // ends a blocking read in progress at once
            connection.closeAsync();
        }
        onStop.accept(this);
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** The open streams, for the heartbeat. */
    List<ChangeSubscriber> subscribers() {
        lock.lock();
        try {
            return List.copyOf(subscribers);
        } finally {
            lock.unlock();
        }
    }

    /** Stops following and closes every stream (server shutdown). */
    void shutdown() {
        List<ChangeSubscriber> all;
        lock.lock();
        try {
            all = List.copyOf(subscribers);
            subscribers.clear();
            stopLocked();
        } finally {
            lock.unlock();
        }
        all.forEach(ChangeSubscriber::close);
    }
}

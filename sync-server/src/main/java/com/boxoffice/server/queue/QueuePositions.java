package com.boxoffice.server.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.QueueState;
import com.boxoffice.core.queue.QueueView;
import com.boxoffice.core.queue.WaitingRoom;

/**
 * Where waiting buyers stand, answered mostly from memory. A place number never changes and a place
 * beyond the ones let through can only be waiting (or sold out, which the shared values say), so
 * once this server has seen an entry's number it answers that entry from one read of the waiting
 * room's shared values a tenth of a second old: position = number less places let through. Only an
 * entry this server has not seen, a lobby entry once places are given, and an entry whose place has
 * come up are read from Redis. A million buyers polling cost one read a tenth of a second, not a
 * million.
 */
@Component
public class QueuePositions {

    /** How old the shared values may be: a position is never more than this behind. */
    private static final Duration FRESH = Duration.ofMillis(100);
    /** Entries remembered per server; past this the memory starts over (reads then go to Redis once more). */
    private static final int MAX_REMEMBERED = 2_000_000;

    private final WaitingRoom room;
    private final Map<String, Remembered> entries = new ConcurrentHashMap<>();
    private final Map<String, Shared> views = new ConcurrentHashMap<>();

    /** What does not change about an entry while it waits. */
    private record Remembered(String performanceId, long number, String buyer) {
    }

    /** A performance's shared values, with when they were read. */
    private static final class Shared {
        volatile QueueView view;
        volatile long readAt;
        final AtomicBoolean reading = new AtomicBoolean();
    }

    public QueuePositions(WaitingRoom room) {
        this.room = room;
    }

    /**
     * The entry as it stands now (its position at most a tenth of a second old).
     *
     * @throws com.boxoffice.core.queue.UnknownQueueEntryException no such entry
     */
    public QueueEntry current(String queueId) {
        Remembered known = entries.get(queueId);
        if (known == null) {
            return remember(room.status(queueId));
        }
        QueueView view = view(known.performanceId());
        if (view.soldOut()) {
            return remember(room.status(queueId));
        }
        if (known.number() == 0) {
            if (view.lobbySize() == null) {
                return new QueueEntry(queueId, known.performanceId(), QueueState.LOBBY, 0, view.served(), null,
                        view.opensAt(), view.measuredRate(), known.buyer(), null, view.stalled());
            }
            return remember(room.status(queueId));
        }
        if (known.number() <= view.served()) {
            return remember(room.status(queueId));
        }
        return new QueueEntry(queueId, known.performanceId(), QueueState.WAITING, known.number(), view.served(), null,
                view.opensAt(), view.measuredRate(), known.buyer(), view.lobbySize(), view.stalled());
    }

    /** Remembers an entry read from Redis while it waits; forgets it once it has moved on. */
    QueueEntry remember(QueueEntry entry) {
        if (entry.state() == QueueState.WAITING || entry.state() == QueueState.LOBBY) {
            if (entries.size() >= MAX_REMEMBERED) {
                entries.clear();
            }
            entries.put(entry.queueId(), new Remembered(entry.performanceId(), entry.number(), entry.buyer()));
        } else {
            entries.remove(entry.queueId());
        }
        return entry;
    }

    /** The performance's shared values, read again when older than {@link #FRESH} (by one caller; the others use the last). */
    QueueView view(String performanceId) {
        Shared shared = views.computeIfAbsent(performanceId, id -> new Shared());
        long now = System.nanoTime();
        QueueView view = shared.view;
        if (view == null || now - shared.readAt > FRESH.toNanos()) {
            if (view == null || shared.reading.compareAndSet(false, true)) {
                try {
                    view = room.view(performanceId);
                    shared.view = view;
                    shared.readAt = System.nanoTime();
                } finally {
                    shared.reading.set(false);
                }
            }
        }
        return view;
    }
}

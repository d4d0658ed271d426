package com.boxoffice.core.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Reads a performance's change feed (the Redis stream every seat script appends to). A reader takes
 * an {@link Availability} snapshot, then reads from the snapshot's feed id onwards and applies each
 * change with {@link #apply}: its copy is then exactly the live state. A REBUILD entry, or falling so
 * far behind that the capped stream no longer holds the next entry, means: take a new snapshot.
 *
 * <p>Blocking reads hold their connection, so give this its own connection, not the shared one.
 */
public class RedisSeatFeed {

    private final StatefulRedisConnection<String, String> connection;

    public RedisSeatFeed(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    /**
     * Changes after {@code afterId}, oldest first.
     *
     * @param block how long to wait for a first change when there is none yet; zero for no wait
     */
    public List<SeatChange> read(String performanceId, String afterId, int max, Duration block) {
        XReadArgs args = XReadArgs.Builder.count(max);
        if (!block.isZero()) {
            args.block(block);
        }
        List<StreamMessage<String, String>> messages = connection.sync()
                .xread(args, XReadArgs.StreamOffset.from(RedisKeys.feed(performanceId), afterId));
        List<SeatChange> changes = new ArrayList<>(messages == null ? 0 : messages.size());
        if (messages != null) {
            for (StreamMessage<String, String> message : messages) {
                changes.add(toChange(message.getId(), message.getBody()));
            }
        }
        return changes;
    }

    /**
     * Changes after {@code afterId}, oldest first, read without waiting, provided the feed still holds
     * the entry {@code afterId} itself. Empty when it does not: the capped stream has trimmed it (the
     * changes right after it may be gone too) or it never was an entry of this feed, and either way a
     * reader positioned there cannot be brought up to date, only given a new snapshot. One command,
     * so a reader joining late can be caught up with a single round trip.
     *
     * @param max most changes to answer (zero: only whether {@code afterId} is held)
     */
    public Optional<List<SeatChange>> catchUp(String performanceId, String afterId, int max) {
        List<StreamMessage<String, String>> messages = connection.sync().xrange(RedisKeys.feed(performanceId),
                Range.create(afterId, "+"), Limit.create(0, max + 1L));
        if (messages == null || messages.isEmpty() || !messages.get(0).getId().equals(afterId)) {
            return Optional.empty();
        }
        List<SeatChange> changes = new ArrayList<>(messages.size() - 1);
        for (StreamMessage<String, String> message : messages.subList(1, messages.size())) {
            changes.add(toChange(message.getId(), message.getBody()));
        }
        return Optional.of(changes);
    }

    /** The id of the newest change, "0-0" when the feed has none: where a reader starting now begins. */
    public String lastId(String performanceId) {
        List<StreamMessage<String, String>> last = connection.sync().xrevrange(RedisKeys.feed(performanceId),
                Range.create("-", "+"), Limit.create(0, 1));
        return last == null || last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    private static SeatChange toChange(String id, Map<String, String> body) {
        String seats = body.getOrDefault("seats", "");
        int[] indexes = seats.isEmpty() ? new int[0]
                : Arrays.stream(seats.split(",")).mapToInt(Integer::parseInt).toArray();
        return new SeatChange(id, body.get("type"), indexes, body.getOrDefault("states", ""), body.getOrDefault("ref", ""),
                Instant.ofEpochMilli(Long.parseLong(body.getOrDefault("at", "0"))));
    }

    /**
     * A state string with the changes applied.
     *
     * @throws IllegalStateException on a REBUILD entry: the copy cannot be brought up to date, only replaced
     */
    public static String apply(String states, List<SeatChange> changes) {
        char[] out = states.toCharArray();
        for (SeatChange change : changes) {
            if (change.isRebuild()) {
                throw new IllegalStateException("The seat state was rebuilt at " + change.id() + "; take a new snapshot");
            }
            for (int i = 0; i < change.seatIndexes().length; i++) {
                out[change.seatIndexes()[i]] = change.states().charAt(i);
            }
        }
        return new String(out);
    }
}

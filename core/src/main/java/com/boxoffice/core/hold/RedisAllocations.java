package com.boxoffice.core.hold;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyValue;

/** Reads which seats of a performance the live state (Redis) has allocated to one terminal. */
public final class RedisAllocations {

    private final RedisScripts scripts;
    private final PerformanceSeatings seatings;

    public RedisAllocations(RedisScripts scripts, PerformanceSeatings seatings) {
        this.scripts = scripts;
        this.seatings = seatings;
    }

    /**
     * Seats allocated to {@code terminalId}, among those {@code states} (a snapshot just read) shows
     * allocated. Two reads, not one atomic step: a seat allocated or taken back in between is seen
     * as the snapshot shows it, which is all a terminal's offline fallback needs.
     */
    public List<String> allocatedTo(String performanceId, String terminalId, String states) {
        SeatLayout layout = seatings.seating(performanceId).layout();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < states.length(); i++) {
            if (states.charAt(i) == SeatState.ALLOCATED.code()) {
                fields.add(Integer.toString(i));
            }
        }
        if (fields.isEmpty()) {
            return List.of();
        }
        String ownerKey = RedisKeys.of(performanceId)[2];
        List<String> mine = new ArrayList<>();
        for (KeyValue<String, String> owner : scripts.connection().sync().hmget(ownerKey, fields.toArray(String[]::new))) {
            if (owner.hasValue() && terminalId.equals(owner.getValue())) {
                mine.add(layout.seatId(Integer.parseInt(owner.getKey())));
            }
        }
        return mine;
    }
}

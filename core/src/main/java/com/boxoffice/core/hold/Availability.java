package com.boxoffice.core.hold;

import java.util.Map;

/**
 * Every seat's state at one instant, with the id of the last change-feed entry it includes: a
 * reader applies feed entries after {@code feedId} and is exactly up to date.
 *
 * @param states one {@link SeatState#code()} per seat, in {@link SeatLayout} index order
 * @param feedId last change included ("0-0" when there is none)
 * @param counts seats per state code and free seats per category ("free:&lt;category&gt;")
 */
public record Availability(String performanceId, String states, String feedId, Map<String, Long> counts) {

    public SeatState stateOf(int seatIndex) {
        return SeatState.ofCode(states.charAt(seatIndex));
    }

    public long count(SeatState state) {
        return counts.getOrDefault(String.valueOf(state.code()), 0L);
    }

    public long freeIn(String category) {
        return counts.getOrDefault("free:" + category, 0L);
    }
}

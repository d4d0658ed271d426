package com.boxoffice.core.hold;

import java.time.Instant;

/**
 * One entry of a performance's change feed.
 *
 * @param id          stream id; entries are totally ordered by it
 * @param type        HELD, RELEASED, EXPIRED, SOLD, REFUNDED, BLOCK, UNBLOCK, ALLOCATE, DEALLOCATE, or
 *                    REBUILD (the whole state was reloaded: take a new snapshot)
 * @param seatIndexes seats that changed, as {@link SeatLayout} indexes
 * @param states      the new state code of each seat, in the order of {@code seatIndexes}
 * @param ref         the hold, order, reason or terminal behind the change; for REBUILD the dropped holds
 */
public record SeatChange(String id, String type, int[] seatIndexes, String states, String ref, Instant at) {

    public boolean isRebuild() {
        return "REBUILD".equals(type);
    }
}

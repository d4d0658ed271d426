package com.boxoffice.core.hold;

import java.time.Instant;
import java.util.List;

/**
 * A hold on seats as the store answers it.
 *
 * @param holdId        id of the hold; it names its performance, so later calls need only this
 * @param token         the secret that proves a caller may extend, release or confirm it
 * @param performanceId the performance
 * @param seatIds       the held seats
 * @param expiresAt     when the seats go back on sale unless confirmed or extended
 * @param status        where the hold is in its life
 * @param orderId       the order it was sold under, once confirmed
 */
public record Hold(String holdId, String token, String performanceId, List<String> seatIds, Instant expiresAt,
                   HoldStatus status, String orderId) {

    public Hold {
        seatIds = List.copyOf(seatIds);
    }
}

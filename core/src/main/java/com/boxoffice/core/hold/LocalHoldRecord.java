package com.boxoffice.core.hold;

import java.time.Instant;

import com.boxoffice.core.performance.Channel;

/**
 * One hold as {@link LocalHoldStore} keeps it, in memory and in {@code local_hold}. Immutable: a
 * change makes a new record, which replaces the old one only once it is committed, so a failed
 * write leaves the old record in force.
 *
 * @param buyer     identity the per-buyer limit counts against, or null
 * @param terminal  terminal that asked, or null (online)
 * @param seats     seat indexes, in the order they were held
 * @param previous  state code each seat had before the hold ('.' or 'A'), so a release gives
 *                  allocated seats back to their terminal
 * @param createdAt epoch milliseconds, as are the other times
 * @param endedAt   when the hold was released, expired or confirmed; null while it is held
 */
record LocalHoldRecord(String id, HoldStatus status, String owner, String buyer, String tokenHash, Channel channel,
                       String terminal, int[] seats, byte[] previous, long createdAt, long expiresAt, int extensions,
                       String orderId, Long endedAt) {

    LocalHoldRecord extendedTo(long newExpiresAt) {
        return new LocalHoldRecord(id, status, owner, buyer, tokenHash, channel, terminal, seats, previous, createdAt,
                newExpiresAt, extensions + 1, orderId, endedAt);
    }

    LocalHoldRecord ended(HoldStatus newStatus, long now) {
        return new LocalHoldRecord(id, newStatus, owner, buyer, tokenHash, channel, terminal, seats, previous,
                createdAt, expiresAt, extensions, orderId, now);
    }

    LocalHoldRecord confirmed(String newOrderId, long now) {
        return new LocalHoldRecord(id, HoldStatus.CONFIRMED, owner, buyer, tokenHash, channel, terminal, seats,
                previous, createdAt, expiresAt, extensions, newOrderId, now);
    }

    Hold toHold(String token, String performanceId, SeatLayout layout) {
        return new Hold(id, token, performanceId, HoldRules.seatIds(layout, seats), Instant.ofEpochMilli(expiresAt),
                status, orderId);
    }
}

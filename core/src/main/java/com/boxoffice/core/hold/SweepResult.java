package com.boxoffice.core.hold;

import java.time.Instant;
import java.util.Optional;

/**
 * What one expiry sweep did.
 *
 * @param expired holds released because their time ran out
 * @param purged  records of ended holds forgotten after their retention
 * @param nextDue when the next live hold runs out, if any is live
 */
public record SweepResult(int expired, int purged, Optional<Instant> nextDue) {
}

package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import com.boxoffice.core.performance.OfflinePolicy;

/**
 * What a terminal last saw of one performance while online, kept so it can sell when the connection
 * drops.
 *
 * @param states    one seat state code per seat, in the venue's seat order
 * @param allocated seats allocated to this terminal: safe to sell offline
 * @param policy    whether other seats the snapshot showed free may be sold at risk
 */
public record OfflineSnapshot(String performanceId, String states, Set<String> allocated, OfflinePolicy policy,
                              Instant takenAt) {

    public OfflineSnapshot {
        Objects.requireNonNull(performanceId, "performanceId");
        Objects.requireNonNull(states, "states");
        allocated = Set.copyOf(allocated);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}

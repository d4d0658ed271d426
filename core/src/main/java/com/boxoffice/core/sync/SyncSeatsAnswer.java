package com.boxoffice.core.sync;

import java.util.List;

/**
 * The sync server's answer to a manager blocking, unblocking, allocating or deallocating seats
 * ({@code POST /sync/v1/performances/{id}/seats}).
 *
 * @param action    BLOCK, UNBLOCK, ALLOCATE or DEALLOCATE
 * @param changed   the seats whose state the call changed
 * @param unchanged the other seats named: already as wanted, or held, sold or otherwise not in a
 *                  state the action applies to
 */
public record SyncSeatsAnswer(String performanceId, String action, List<String> changed, List<String> unchanged) {

    public SyncSeatsAnswer {
        changed = changed == null ? List.of() : List.copyOf(changed);
        unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
    }
}

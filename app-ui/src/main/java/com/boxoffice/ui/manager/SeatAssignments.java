package com.boxoffice.ui.manager;

import java.util.List;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.sync.SyncClient;

/**
 * Where a manager's blocks and allocations go. With a sync server they go through it, which changes
 * the live seats and records them in central PostgreSQL in one step, so a rebuild of the live state
 * and the terminals' snapshots keep them; without one (demo) they go to the live state directly.
 */
public interface SeatAssignments {

    /** The seats whose state changed; the others had nothing to change. */
    List<String> block(String performanceId, List<String> seatIds, String reason, String managerId);

    List<String> unblock(String performanceId, List<String> seatIds, String managerId);

    List<String> allocate(String performanceId, List<String> seatIds, String terminalId, String managerId);

    List<String> deallocate(String performanceId, List<String> seatIds, String terminalId, String managerId);

    /** Straight to the live state: the demo, with no sync server to record them. */
    static SeatAssignments live(HoldStore holds) {
        return new SeatAssignments() {
            @Override
            public List<String> block(String performanceId, List<String> seatIds, String reason, String managerId) {
                return holds.block(performanceId, seatIds, reason + " (" + managerId + ")");
            }

            @Override
            public List<String> unblock(String performanceId, List<String> seatIds, String managerId) {
                return holds.unblock(performanceId, seatIds);
            }

            @Override
            public List<String> allocate(String performanceId, List<String> seatIds, String terminalId, String managerId) {
                return holds.allocate(performanceId, seatIds, terminalId);
            }

            @Override
            public List<String> deallocate(String performanceId, List<String> seatIds, String terminalId, String managerId) {
                return holds.deallocate(performanceId, seatIds, terminalId);
            }
        };
    }

    /** Through the sync server, under the signed-in manager, who must be an active manager there. */
    static SeatAssignments central(SyncClient sync) {
        return new SeatAssignments() {
            @Override
            public List<String> block(String performanceId, List<String> seatIds, String reason, String managerId) {
                return sync.seats(performanceId, "BLOCK", seatIds, reason, null, managerId).changed();
            }

            @Override
            public List<String> unblock(String performanceId, List<String> seatIds, String managerId) {
                return sync.seats(performanceId, "UNBLOCK", seatIds, null, null, managerId).changed();
            }

            @Override
            public List<String> allocate(String performanceId, List<String> seatIds, String terminalId, String managerId) {
                return sync.seats(performanceId, "ALLOCATE", seatIds, null, terminalId, managerId).changed();
            }

            @Override
            public List<String> deallocate(String performanceId, List<String> seatIds, String terminalId, String managerId) {
                return sync.seats(performanceId, "DEALLOCATE", seatIds, null, terminalId, managerId).changed();
            }
        };
    }
}

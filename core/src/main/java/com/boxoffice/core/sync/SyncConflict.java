package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * A terminal's sale that found its seats taken when it reached the sync server, as a manager sees it
 * ({@code GET /sync/v1/conflicts}).
 *
 * @param takenBy    who had the wanted seats when the sale arrived
 * @param resolution what the server did: RESEATED (the buyer has other seats) or REFUND_DUE
 * @param newSeats   the seats the buyer holds now
 * @param status     OPEN until a manager decides, then RESOLVED
 * @param action     the manager's decision: ACCEPT_RESEAT, REFUND or MOVE
 */
public record SyncConflict(String id, String saleId, String performanceId, String terminalId, String orderId,
                           String category, List<String> wantedSeats, List<TakenSeat> takenBy, String resolution,
                           List<String> newSeats, String status, String action, String resolvedBy, Instant resolvedAt,
                           String note, Instant createdAt) {

    public SyncConflict {
        wantedSeats = wantedSeats == null ? List.of() : List.copyOf(wantedSeats);
        takenBy = takenBy == null ? List.of() : List.copyOf(takenBy);
        newSeats = newSeats == null ? List.of() : List.copyOf(newSeats);
    }

    /** A seat the sale wanted, and the state and order it was in when the sale arrived. */
    public record TakenSeat(String seatId, String state, String orderId) {
    }
}

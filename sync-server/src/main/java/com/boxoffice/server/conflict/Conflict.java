package com.boxoffice.server.conflict;

import java.time.Instant;
import java.util.List;

/**
 * A sale from a terminal that found seats taken, as managers see it.
 *
 * @param takenBy    who had the wanted seats when the sale arrived
 * @param resolution what the server did: RESEATED (the buyer has other seats) or REFUND_DUE
 * @param newSeats   the seats the buyer holds now
 * @param action     what a manager decided, once resolved
 */
public record Conflict(String id, String saleId, String performanceId, String terminalId, String orderId, String category,
                       List<String> wantedSeats, List<TakenSeat> takenBy, String resolution, List<String> newSeats,
                       String status, String action, String resolvedBy, Instant resolvedAt, String note, Instant createdAt) {

    /** A seat the sale wanted and who had it. */
    public record TakenSeat(String seatId, String state, String orderId) {
    }
}

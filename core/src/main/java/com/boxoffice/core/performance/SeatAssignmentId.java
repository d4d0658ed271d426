package com.boxoffice.core.performance;

/** Key of a {@link SeatAssignmentEntity}: one seat at one performance. */
public record SeatAssignmentId(String performanceId, String seatId) {
}

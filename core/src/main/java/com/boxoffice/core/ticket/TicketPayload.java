package com.boxoffice.core.ticket;

import java.nio.charset.StandardCharsets;

/**
 * What a signed ticket code says: which ticket, for which seat of which performance, sold under which
 * order, and when it was issued. A door scanner reads this from the code after checking the signature.
 *
 * @param version       code format version; {@link #CURRENT_VERSION} for codes made now
 * @param ticketId      the ticket's id
 * @param orderId       the order the ticket was sold under
 * @param performanceId the performance it admits to
 * @param seatId        the seat it admits to
 * @param issuedAt      when it was issued, in seconds since the epoch
 */
public record TicketPayload(int version, String ticketId, String orderId, String performanceId, String seatId,
                            long issuedAt) {

    /** The format version this code writes and reads. */
    public static final int CURRENT_VERSION = 1;

    /** Longest id, in UTF-8 bytes, that a code can carry. */
    public static final int MAX_ID_BYTES = 200;

    public TicketPayload {
        if (version != CURRENT_VERSION) {
            throw new InvalidTicketPayloadException("Unsupported ticket code version " + version);
        }
        requireId("ticketId", ticketId);
        requireId("orderId", orderId);
        requireId("performanceId", performanceId);
        requireId("seatId", seatId);
        if (issuedAt < 0) {
            throw new InvalidTicketPayloadException("issuedAt must not be before the epoch, was " + issuedAt);
        }
    }

    /** A payload of the current version. */
    public static TicketPayload of(String ticketId, String orderId, String performanceId, String seatId,
                                   long issuedAt) {
        return new TicketPayload(CURRENT_VERSION, ticketId, orderId, performanceId, seatId, issuedAt);
    }

    /** The payload for an issued ticket. */
    public static TicketPayload of(TicketEntity ticket) {
        return of(ticket.getId(), ticket.getOrderId(), ticket.getPerformanceId(), ticket.getSeatId(),
                ticket.getIssuedAt().getEpochSecond());
    }

    private static void requireId(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTicketPayloadException(name + " must not be blank");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidTicketPayloadException(name + " is longer than " + MAX_ID_BYTES + " bytes");
        }
    }
}

package com.boxoffice.core.ticket;

import com.boxoffice.core.shared.BoxOfficeException;

/** Ticket content that cannot be put into a ticket code (a missing field, a field too long). */
public class InvalidTicketPayloadException extends BoxOfficeException {

    public InvalidTicketPayloadException(String message) {
        super("INVALID_TICKET_PAYLOAD", message);
    }
}

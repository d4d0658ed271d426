package com.boxoffice.core.ticket;

import com.boxoffice.core.shared.BoxOfficeException;

/** A ticket signing key that cannot be read, written, or is not an Ed25519 key pair. */
public class TicketKeyException extends BoxOfficeException {

    public TicketKeyException(String message) {
        super("TICKET_KEY", message);
    }
}

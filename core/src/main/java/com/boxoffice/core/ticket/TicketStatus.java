package com.boxoffice.core.ticket;

/** Whether a ticket admits its holder. */
public enum TicketStatus {
    /** Valid: the seat is sold to its holder. */
    LIVE,
    /** Money given back: the ticket admits nobody and the seat may be sold again. */
    REFUNDED
}

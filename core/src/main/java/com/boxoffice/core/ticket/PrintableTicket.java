package com.boxoffice.core.ticket;

import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything printed on one ticket, already in the words people read, and the signed code for its QR.
 *
 * @param eventTitle        the show, e.g. "The Tempest"
 * @param venueName         e.g. "Riverside Theatre"
 * @param startsAt          when the performance starts, in the venue's time zone
 * @param sectionName       e.g. "Stalls"
 * @param rowLabel          e.g. "F"
 * @param seatNumber        e.g. "12"
 * @param priceCategory     the price category's name, e.g. "Premium"
 * @param priceMinor        price paid in the currency's minor unit (pence, cents)
 * @param currency          currency of the price
 * @param orderId           the order the ticket was sold under
 * @param ticketId          the ticket's id
 * @param accessibilityNote e.g. "Wheelchair space", or null when there is nothing to say
 * @param code              the signed ticket code from {@link TicketSigner}
 */
public record PrintableTicket(String eventTitle, String venueName, ZonedDateTime startsAt, String sectionName,
                              String rowLabel, String seatNumber, String priceCategory, long priceMinor,
                              Currency currency, String orderId, String ticketId, String accessibilityNote,
                              String code) {

    public PrintableTicket {
        Objects.requireNonNull(eventTitle, "eventTitle");
        Objects.requireNonNull(venueName, "venueName");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(sectionName, "sectionName");
        Objects.requireNonNull(rowLabel, "rowLabel");
        Objects.requireNonNull(seatNumber, "seatNumber");
        Objects.requireNonNull(priceCategory, "priceCategory");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(code, "code");
        if (priceMinor < 0) {
            throw new IllegalArgumentException("priceMinor must not be negative, was " + priceMinor);
        }
    }

    /** The short order reference people quote at the box office: the order id's first 8 characters. */
    public String orderReference() {
        String compact = orderId.replace("-", "");
        return compact.substring(0, Math.min(8, compact.length())).toUpperCase(Locale.ROOT);
    }

    /** Whether there is an accessibility note to print. */
    public boolean hasAccessibilityNote() {
        return accessibilityNote != null && !accessibilityNote.isBlank();
    }
}

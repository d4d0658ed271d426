package com.boxoffice.core.hold;

import com.boxoffice.core.performance.Channel;

/**
 * Seats of a performance sold through one channel at one terminal and not refunded, as a manager's
 * screen shows them. Every sold seat is in exactly one tally, so the tallies of a performance add
 * up to its {@link SeatState#SOLD} count.
 *
 * <p>Both stores keep the tallies in the counts of {@link Availability} as
 * {@code "sold@<channel>@<terminal>"} ({@code -} for no terminal), so they come in the same
 * consistent read as the seats. Each order is tallied under the channel and terminal that first
 * sold a seat of it; its later seats and its refunds use that same tally.
 *
 * @param channel    a {@link Channel} name, or {@link #UNKNOWN_CHANNEL} for seats whose seller is not
 *                   known: seats loaded from durable truth, and journal sales that named no channel
 * @param terminalId the terminal that sold them; null for sales made at no terminal (online) and
 *                   seats loaded from durable truth
 * @param seats      seats sold and not refunded
 */
public record SalesTally(String channel, String terminalId, long seats) {

    /** The channel of seats whose seller is not known. */
    public static final String UNKNOWN_CHANNEL = "UNKNOWN";

    /** Prefix of a tally's field in the counts. */
    static final String FIELD_PREFIX = "sold@";
    /** Stands for "no terminal" in a tally's field. */
    static final String NO_TERMINAL = "-";
    /** Prefix under which an applied-sales entry names the tally of an order. */
    static final String ORDER_PREFIX = "order:";
    /** The tally of seats whose seller is not known. */
    static final String UNKNOWN_ORIGIN = UNKNOWN_CHANNEL + "@" + NO_TERMINAL;

    /** The "<channel>@<terminal>" a sale is tallied under; a null channel is unknown, a null or empty terminal none. */
    static String origin(Channel channel, String terminalId) {
        return (channel == null ? UNKNOWN_CHANNEL : channel.name()) + "@"
                + (terminalId == null || terminalId.isEmpty() ? NO_TERMINAL : terminalId);
    }

    /** The tally a counts entry holds, or null when the entry is not a tally. */
    static SalesTally parse(String field, long seats) {
        if (!field.startsWith(FIELD_PREFIX)) {
            return null;
        }
        String origin = field.substring(FIELD_PREFIX.length());
        int at = origin.indexOf('@');
        if (at < 0) {
            return null;
        }
        String terminal = origin.substring(at + 1);
        return new SalesTally(origin.substring(0, at), terminal.equals(NO_TERMINAL) ? null : terminal, seats);
    }
}

package com.boxoffice.core.hold;

import java.util.List;

import com.boxoffice.core.performance.Channel;

/**
 * A sale a terminal made from its own journal (typically while offline), to be applied to the live
 * seat state.
 *
 * @param saleId     id the terminal gave the sale; applying the same sale twice applies it once
 * @param terminalId the terminal that sold it
 * @param orderId    the order the seats are sold under
 * @param channel    the channel the terminal sells for, for the sales tally; null when not known
 *                   (the seats are then tallied under {@link SalesTally#UNKNOWN_CHANNEL} and the terminal)
 */
public record JournalSale(String saleId, String terminalId, String orderId, List<String> seatIds, Channel channel) {

    public JournalSale {
        seatIds = List.copyOf(seatIds);
    }

    /** A journal sale that does not say its channel. */
    public JournalSale(String saleId, String terminalId, String orderId, List<String> seatIds) {
        this(saleId, terminalId, orderId, seatIds, null);
    }
}

package com.boxoffice.core.hold;

import java.util.List;

/**
 * A sale a terminal made from its own journal (typically while offline), to be applied to the live
 * seat state.
 *
 * @param saleId     id the terminal gave the sale; applying the same sale twice applies it once
 * @param terminalId the terminal that sold it
 * @param orderId    the order the seats are sold under
 */
public record JournalSale(String saleId, String terminalId, String orderId, List<String> seatIds) {

    public JournalSale {
        seatIds = List.copyOf(seatIds);
    }
}

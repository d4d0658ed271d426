package com.boxoffice.core.sync;

import java.util.List;

/**
 * The sync server's answer for one sale.
 *
 * @param outcome    ACCEPTED, RESEATED (the seats were sold centrally first; the buyer has other
 *                   seats of the same price), REFUND_DUE (no such seats were left) or REJECTED
 * @param seats      the seats the buyer now has tickets for
 * @param conflictId the conflict a manager resolves, for RESEATED and REFUND_DUE
 * @param reason     why, for REFUND_DUE and REJECTED
 * @param replayed   true when the server had applied the sale before and answered from its record
 */
public record SyncOutcome(String saleId, String outcome, String orderId, List<String> seats, String conflictId,
                          String reason, boolean replayed) {

    public SyncOutcome {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** The buyer kept the seats the terminal sold. */
    public boolean accepted() {
        return "ACCEPTED".equals(outcome);
    }
}

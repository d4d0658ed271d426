package com.boxoffice.core.sale;

import java.util.List;

/**
 * Seats of a confirmed order to give back for money.
 *
 * @param refundId   the caller's id for this refund: sending the same request again (a retry, a
 *                   double click) makes one refund and answers the same receipt
 * @param orderId    the order the seats were sold in
 * @param seatIds    the seats to refund (all or some of the order's live seats)
 * @param reason     why, in words (kept with the refund)
 * @param actor      who did it (staff user name, or the system)
 * @param terminalId the terminal handing back any cash; {@code null} means the order's own terminal
 */
public record RefundRequest(String refundId, String orderId, List<String> seatIds, String reason, String actor,
                            String terminalId) {

    public RefundRequest {
        seatIds = seatIds == null ? null : List.copyOf(seatIds);
    }
}

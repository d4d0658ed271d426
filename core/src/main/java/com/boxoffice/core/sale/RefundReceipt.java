package com.boxoffice.core.sale;

import java.util.List;

/**
 * A refund as journalled: the same for every call with the same refund id.
 *
 * @param amountMinor        value of the seats given back
 * @param cardRefundedMinor  part of it refunded to the cards the order was paid with
 * @param cashBackMinor      part of it to hand back in cash from the refunding terminal's drawer
 * @param orderFullyRefunded whether this refund gave back the order's last live seat
 */
public record RefundReceipt(String refundId, String orderId, List<String> seatIds, long amountMinor, String currency,
                            long cardRefundedMinor, long cashBackMinor, boolean orderFullyRefunded) {

    public RefundReceipt {
        seatIds = List.copyOf(seatIds);
    }
}

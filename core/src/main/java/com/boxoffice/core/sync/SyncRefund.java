package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * Seats of a sale given back at a terminal, as it goes to the sync server: the server voids the
 * seats' tickets centrally, so its database never keeps live a ticket the terminal refunded (and a
 * later sale of the seat can be recorded). The wire format of {@code POST /sync/v1/refunds}.
 *
 * @param refundId    the id the server applies it under, once: made from the terminal's own refund id
 * @param sequence    the terminal's outbox sequence number; orders entries, decides nothing
 * @param kind        REFUND (for money) or EXCHANGE (for other seats, which arrive as a sale of their own)
 * @param amountMinor what the seats were worth, given back as money or as exchange credit
 */
public record SyncRefund(String refundId, long sequence, String kind, String performanceId, String orderId,
                         List<String> seatIds, long amountMinor, String currency, Instant refundedAt, String reason) {

    public SyncRefund {
        seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
    }
}

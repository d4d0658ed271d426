package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * One sale as a terminal delivers it to the sync server ({@code POST /sync/v1/batches}).
 *
 * @param saleId        made by the terminal when it journals the sale; the server applies a sale id
 *                      once, whatever batch or order it arrives in
 * @param sequence      the terminal's journal sequence number (for order and diagnostics only: a
 *                      re-imaged terminal starts again at 1)
 * @param orderId       the terminal's order id
 * @param channel       BOX_OFFICE or KIOSK
 * @param mode          how the terminal took the seats: {@link SellingMode}
 * @param soldAt        when the sale was confirmed at the terminal
 * @param buyer         optional free text
 * @param currency      ISO 4217 code of every amount
 */
public record SyncSale(String saleId, long sequence, String performanceId, String orderId, String channel, String mode,
                       Instant soldAt, String buyer, String currency, List<Seat> seats, List<Payment> payments) {

    public SyncSale {
        seats = seats == null ? null : List.copyOf(seats);
        payments = payments == null ? null : List.copyOf(payments);
    }

    /** A seat with the price the buyer paid for it. */
    public record Seat(String seatId, String category, long priceMinor) {
    }

    /** Money taken for the sale; cash carries what was tendered and the change given. */
    public record Payment(String method, long amountMinor, Long tenderedMinor, Long changeMinor, String idempotencyKey,
                          String providerReference) {
    }
}

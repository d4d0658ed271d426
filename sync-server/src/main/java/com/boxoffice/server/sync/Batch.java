package com.boxoffice.server.sync;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A batch of sales a terminal uploads from its journal. Anything wrong with its shape (a missing
 * field, a bad type, a limit passed) refuses the whole batch with 400 before anything is applied;
 * what can only be judged against the catalog (an unknown seat, a wrong price) rejects that one sale.
 */
public record Batch(
        @NotBlank @Size(max = 64) String batchId,
        @NotBlank @Size(max = 64) String terminalId,
        @NotNull @Size(min = 1, max = 1000, message = "a batch holds 1 to 1000 sales") List<@NotNull @Valid Sale> sales) {

    /** How the terminal took the seats. */
    public enum Mode {
        /** Through the live hold engine while connected. */
        ONLINE,
        /** From seats allocated to the terminal beforehand. */
        ALLOCATED,
        /** Seats its last snapshot showed free, sold at the risk of a conflict. */
        AT_RISK
    }

    /** Where the sale was made: only terminals upload, so never online. */
    public enum SaleChannel {
        BOX_OFFICE, KIOSK
    }

    public record Sale(
            @NotBlank @Size(max = 64) String saleId,
            @NotNull @Positive Long sequence,
            @NotBlank @Size(max = 64) String performanceId,
            @NotBlank @Size(max = 36) String orderId,
            @NotNull SaleChannel channel,
            @NotNull Mode mode,
            @NotNull Instant soldAt,
            @Size(max = 320) String buyer,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as EUR") String currency,
            @NotNull @Size(min = 1, max = 20, message = "a sale holds 1 to 20 seats") List<@NotNull @Valid SeatLine> seats,
            @NotNull @Size(max = 10) List<@NotNull @Valid PaymentLine> payments) {
    }

    public record SeatLine(
            @NotBlank @Size(max = 64) String seatId,
            @NotBlank @Size(max = 16) String category,
            @NotNull @PositiveOrZero Long priceMinor) {
    }

    /** How a terminal was paid: cash in its drawer or a card through its reader. */
    public enum PayMethod {
        CASH, CARD
    }

    public record PaymentLine(
            @NotNull PayMethod method,
            @NotNull @PositiveOrZero Long amountMinor,
            @PositiveOrZero Long tenderedMinor,
            @PositiveOrZero Long changeMinor,
            @NotBlank @Size(max = 100) String idempotencyKey,
            @Size(max = 200) String providerReference) {
    }

    /** What the server did with each sale, in the order they were sent. */
    public record Answer(String batchId, List<SaleOutcome> outcomes) {
    }

    public record SaleOutcome(String saleId, Outcome outcome, String orderId, List<String> seats, String conflictId,
                              String reason, boolean replayed) {
    }

    public enum Outcome {
        ACCEPTED, RESEATED, REFUND_DUE, REJECTED
    }

    /** Seats of a sale by id, in the order the terminal listed them. */
    static List<String> seatIds(Sale sale) {
        return sale.seats().stream().map(SeatLine::seatId).toList();
    }
}

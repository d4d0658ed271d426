package com.boxoffice.server.sync;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A batch of refunds a terminal delivers from its journal: seats it gave back, for money or for an
 * exchange, whose tickets are to be voided centrally too. Anything wrong with its shape refuses the
 * whole batch with 400 before anything is applied; what can only be judged against the stored sales
 * (an unknown order, a seat the order does not hold) rejects that one refund.
 */
public record RefundBatch(
        @NotBlank @Size(max = 64) String batchId,
        @NotBlank @Size(max = 64) String terminalId,
        @NotNull @Size(min = 1, max = 1000, message = "a batch holds 1 to 1000 refunds") List<@NotNull @Valid Refund> refunds) {

    /** Why the seats were given back. */
    public enum Kind {
        /** For money. */
        REFUND,
        /** For other seats, which arrive as a sale of their own. */
        EXCHANGE
    }

    /**
     * One refund as the terminal journalled it.
     *
     * @param sequence    the terminal's number for it; kept for diagnostics, never decides anything
     * @param seatIds     the seats given back, each once
     * @param amountMinor the money handed back (0 for an even exchange)
     * @param reason      what the clerk gave as the reason, if anything
     */
    public record Refund(
            @NotBlank @Size(max = 64) String refundId,
            @NotNull @Positive Long sequence,
            @NotNull Kind kind,
            @NotBlank @Size(max = 64) String performanceId,
            @NotBlank @Size(max = 36) String orderId,
            @NotNull @Size(min = 1, max = 20, message = "a refund gives back 1 to 20 seats")
            List<@NotBlank @Size(max = 64) String> seatIds,
            @NotNull @PositiveOrZero Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as EUR") String currency,
            @NotNull Instant refundedAt,
            @Size(max = 500) String reason) {

        /** A seat named twice is a malformed refund, not one to judge against the stored sale. */
        @AssertTrue(message = "a seat is listed twice")
        public boolean isEachSeatOnce() {
            return seatIds == null || new HashSet<>(seatIds).size() == seatIds.size();
        }
    }

    /** What the server did with each refund, in the order they were sent. */
    public record Answer(String batchId, List<RefundOutcome> outcomes) {
    }

    /**
     * @param seats  the seats whose tickets this refund voided (none for a seat refunded before)
     * @param reason why the refund was rejected; null when applied
     */
    public record RefundOutcome(String refundId, Outcome outcome, String orderId, List<String> seats, String reason,
                                boolean replayed) {
    }

    public enum Outcome {
        APPLIED, REJECTED
    }
}

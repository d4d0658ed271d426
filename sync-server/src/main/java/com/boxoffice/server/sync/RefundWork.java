package com.boxoffice.server.sync;

import java.util.List;

import com.boxoffice.server.sync.RefundBatch.Outcome;
import com.boxoffice.server.sync.RefundBatch.Refund;

/**
 * One delivered refund on its way through a batch: checked against the stored sale, its seats freed
 * in Redis, then its tickets voided and its record written. Filled in step by step by one thread.
 */
final class RefundWork {

    final Refund refund;
    final String contentHash;

    /** Whether the outcome is to be written (the refund is new); false for replays and id reuse. */
    boolean store;
    boolean replayed;
    Outcome outcome;
    /** Seats whose live tickets of the order this refund is to void, as the checks found them. */
    List<String> toVoid = List.of();
    /** Seats whose tickets this refund voided. */
    List<String> seats = List.of();
    String reason;
    /** A copy of an earlier refund of the same batch with the same id: answered as that one. */
    RefundWork sameAs;

    RefundWork(Refund refund, String contentHash) {
        this.refund = refund;
        this.contentHash = contentHash;
    }

    void reject(String reason, boolean record) {
        this.store = record;
        this.outcome = Outcome.REJECTED;
        this.seats = List.of();
        this.toVoid = List.of();
        this.reason = reason;
    }

    RefundBatch.RefundOutcome answer() {
        if (sameAs != null) {
            RefundBatch.RefundOutcome first = sameAs.answer();
            return new RefundBatch.RefundOutcome(refund.refundId(), first.outcome(), first.orderId(), first.seats(),
                    first.reason(), true);
        }
        return new RefundBatch.RefundOutcome(refund.refundId(), outcome, refund.orderId(), seats, reason, replayed);
    }

    /**
     * A digest of everything the refund says, so the same refund id sent with different content is
     * told apart from a plain repeat.
     */
    static String contentHash(String terminalId, Refund refund) {
        StringBuilder canonical = new StringBuilder(256);
        SaleChecks.field(canonical, "refund");
        SaleChecks.field(canonical, terminalId);
        SaleChecks.field(canonical, refund.refundId());
        SaleChecks.field(canonical, String.valueOf(refund.sequence()));
        SaleChecks.field(canonical, String.valueOf(refund.kind()));
        SaleChecks.field(canonical, refund.performanceId());
        SaleChecks.field(canonical, refund.orderId());
        SaleChecks.field(canonical, String.valueOf(refund.amountMinor()));
        SaleChecks.field(canonical, refund.currency());
        SaleChecks.field(canonical, String.valueOf(refund.refundedAt()));
        SaleChecks.field(canonical, refund.reason());
        canonical.append('|');
        for (String seatId : refund.seatIds()) {
            SaleChecks.field(canonical, seatId);
        }
        return SaleChecks.sha256(canonical);
    }
}

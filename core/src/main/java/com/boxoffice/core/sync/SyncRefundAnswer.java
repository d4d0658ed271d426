package com.boxoffice.core.sync;

import java.util.List;

/** The sync server's answer to a batch of refunds: one outcome per refund, in the order sent. */
public record SyncRefundAnswer(String batchId, List<Outcome> outcomes) {

    public SyncRefundAnswer {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /**
     * @param outcome  APPLIED (the seats' tickets are void centrally too) or REJECTED
     * @param seats    the seats whose tickets this refund voided
     * @param reason   why, for REJECTED
     * @param replayed true when the server had applied the refund before and answered from its record
     */
    public record Outcome(String refundId, String outcome, String orderId, List<String> seats, String reason,
                          boolean replayed) {

        public Outcome {
            seats = seats == null ? List.of() : List.copyOf(seats);
        }

        /** As kept beside the outbox entry: the common shape of an answer, under the entry's message id. */
        SyncOutcome asKept() {
            return new SyncOutcome(refundId, outcome, orderId, seats, null, reason, replayed);
        }
    }
}

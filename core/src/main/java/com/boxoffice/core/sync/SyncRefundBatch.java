package com.boxoffice.core.sync;

import java.util.List;

/** What a terminal posts to {@code /sync/v1/refunds}: its undelivered refunds, oldest first. */
public record SyncRefundBatch(String batchId, String terminalId, List<SyncRefund> refunds) {

    public SyncRefundBatch {
        refunds = refunds == null ? null : List.copyOf(refunds);
    }
}

package com.boxoffice.core.sync;

import java.util.List;

/** What a terminal posts to {@code /sync/v1/batches}: its undelivered sales, oldest first. */
public record SyncBatch(String batchId, String terminalId, List<SyncSale> sales) {

    public SyncBatch {
        sales = sales == null ? null : List.copyOf(sales);
    }
}

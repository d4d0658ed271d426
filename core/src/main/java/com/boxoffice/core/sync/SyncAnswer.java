package com.boxoffice.core.sync;

import java.util.List;

/** The sync server's answer to a batch: one outcome per sale. */
public record SyncAnswer(String batchId, List<SyncOutcome> outcomes) {

    public SyncAnswer {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}

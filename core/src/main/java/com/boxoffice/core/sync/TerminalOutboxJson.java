package com.boxoffice.core.sync;

/** Reads an outbox entry's payload back, for whoever shows or sends it. */
public final class TerminalOutboxJson {

    private TerminalOutboxJson() {
    }

    public static SyncSale read(String payload) {
        return TerminalOutbox.JSON.readValue(payload, SyncSale.class);
    }

    /** The server's answer kept beside a delivered entry. */
    public static SyncOutcome readOutcome(String detail) {
        return TerminalOutbox.JSON.readValue(detail, SyncOutcome.class);
    }
}

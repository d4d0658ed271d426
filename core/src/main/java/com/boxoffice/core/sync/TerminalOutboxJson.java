package com.boxoffice.core.sync;

/** Reads an outbox entry's payload back, for whoever shows or sends it. */
public final class TerminalOutboxJson {

    private TerminalOutboxJson() {
    }

    public static SyncSale read(String payload) {
        return TerminalOutbox.JSON.readValue(payload, SyncSale.class);
    }

    /** A refund entry's payload. */
    public static SyncRefund readRefund(String payload) {
        return TerminalOutbox.JSON.readValue(payload, SyncRefund.class);
    }

    /** The order an entry is about, a sale's or a refund's. */
    public static String orderIdOf(String payload) {
        return TerminalOutbox.JSON.readTree(payload).path("orderId").asString();
    }

    /** The server's answer kept beside a delivered entry. */
    public static SyncOutcome readOutcome(String detail) {
        return TerminalOutbox.JSON.readValue(detail, SyncOutcome.class);
    }
}

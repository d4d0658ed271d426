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

    /** The performance and order an entry is about, a sale's or a refund's. */
    public record About(String performanceId, String orderId) {
    }

    /** What a sale's or a refund's payload is about, read once. */
    public static About aboutOf(String payload) {
        var tree = TerminalOutbox.JSON.readTree(payload);
        return new About(tree.path("performanceId").asString(), tree.path("orderId").asString());
    }

    /** The server's answer kept beside a delivered entry. */
    public static SyncOutcome readOutcome(String detail) {
        return TerminalOutbox.JSON.readValue(detail, SyncOutcome.class);
    }
}

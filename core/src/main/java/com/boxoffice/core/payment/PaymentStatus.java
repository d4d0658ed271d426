package com.boxoffice.core.payment;

import java.util.EnumSet;
import java.util.Set;

/** Where a payment stands with the till or the card provider. */
public enum PaymentStatus {
    /** The card provider reserved the amount; nothing is taken yet. */
    AUTHORISED,
    /** The money is taken. */
    CAPTURED,
    /** The card provider refused. */
    DECLINED,
    /**
     * The request went out and no answer came back (yet). Journalled before the request, so a crash or
     * a timeout leaves a payment to look up under its idempotency key, never one nobody knows about.
     */
    UNKNOWN,
    /** An authorisation released, or an unknown payment called off, before any money was taken. */
    VOIDED,
    /** Captured money given back. */
    REFUNDED;

    public boolean canMoveTo(PaymentStatus next) {
        return successors().contains(next);
    }

    private Set<PaymentStatus> successors() {
        return switch (this) {
            case UNKNOWN -> EnumSet.of(AUTHORISED, CAPTURED, DECLINED, VOIDED);
            case AUTHORISED -> EnumSet.of(CAPTURED, VOIDED);
            case CAPTURED -> EnumSet.of(REFUNDED);
            case DECLINED, VOIDED, REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }
}

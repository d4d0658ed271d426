package com.boxoffice.core.payment;

import java.util.Optional;

/**
 * A card payment provider (a card terminal at the window or kiosk, a gateway online).
 *
 * <p>Every call carries the caller's idempotency key: charging twice under one key charges once and
 * answers the first result. A call that times out is ambiguous (the money may or may not have moved),
 * so the caller records the key before charging and later asks {@link #lookup(String)} what really
 * happened instead of charging again.
 */
public interface PaymentProvider {

    /**
     * Charges a card.
     *
     * @throws PaymentTimeoutException when no answer came in time; the outcome is unknown
     */
    ChargeResult charge(ChargeRequest request);

    /** What happened to the charge under this key; empty when the provider never received it. */
    Optional<ChargeResult> lookup(String idempotencyKey);

    /** Gives the money of an approved charge back; refunding twice refunds once. */
    RefundResult refund(String idempotencyKey);

    /**
     * Gives part of an approved charge back. Idempotent by {@code refundKey}: the same key again
     * answers the first result and moves no more money. Refunds of one charge never add up to more
     * than it took; a refund that would is refused ({@code refunded} false) and moves nothing.
     *
     * @param chargeKey   idempotency key the charge was made under
     * @param refundKey   the caller's key for this refund
     * @param amountMinor what to give back, positive
     */
    RefundResult refund(String chargeKey, String refundKey, long amountMinor);

    /**
     * Makes sure no money moves under this key, whatever became of the charge: one still on its way
     * is refused when it arrives, one already approved is given back. This is the card terminal's
     * reversal, sent when a charge got no answer, so the buyer can pay again at once without risk of
     * paying twice.
     */
    RefundResult voidCharge(String idempotencyKey);
}

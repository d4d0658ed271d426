package com.boxoffice.core.payment;

/**
 * The provider's answer to a charge.
 *
 * @param reference     the provider's id of the charge (for refunds and disputes)
 * @param declineReason why it was declined, in words a clerk can read out; null when approved
 */
public record ChargeResult(String idempotencyKey, boolean approved, String reference, long amountMinor,
                           String currency, String declineReason) {
}

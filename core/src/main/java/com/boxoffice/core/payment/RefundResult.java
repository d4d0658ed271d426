package com.boxoffice.core.payment;

/**
 * The provider's answer to a refund.
 *
 * @param refunded whether money went back (false when there was no approved charge to refund)
 */
public record RefundResult(String idempotencyKey, boolean refunded, long amountMinor) {
}

package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/**
 * What became of one journal sale applied among many ({@link RedisHoldStore#applyJournalSalesAsync}):
 * the order its seats are sold under, or the refusal the single call would have thrown.
 *
 * @param orderId the order the sale's seats are sold under; null when refused
 * @param refusal why it was not applied ({@link SaleConflictException} when seats were taken); null when applied
 */
public record JournalSaleResult(String orderId, BoxOfficeException refusal) {

    public JournalSaleResult {
        if ((orderId == null) == (refusal == null)) {
            throw new IllegalArgumentException("A journal sale is either applied under an order or refused");
        }
    }

    public static JournalSaleResult applied(String orderId) {
        return new JournalSaleResult(orderId, null);
    }

    public static JournalSaleResult refused(BoxOfficeException refusal) {
        return new JournalSaleResult(null, refusal);
    }

    /** The order the sale is sold under, as {@link HoldStore#applyJournalSale} answers; else its refusal, thrown. */
    public String orderIdOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return orderId;
    }
}

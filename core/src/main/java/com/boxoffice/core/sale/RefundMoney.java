package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.Objects;

import com.boxoffice.core.payment.PaymentMethod;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Money a refund hands back out of one payment of the order.
 *
 * @param paymentId   the payment it comes out of
 * @param method      CARD: refunded at the provider; CASH: paid out of the refunding terminal's drawer
 * @param providerKey the refund's idempotency key at the card provider (kept for cash lines too, unused)
 * @param returnedAt  when the money went back; {@code null} while a card refund is still to be made
 */
@Embeddable
public record RefundMoney(
        @Column(name = "payment_id", nullable = false, length = 36) String paymentId,
        @Enumerated(EnumType.STRING) @Column(name = "method", nullable = false, length = 8) PaymentMethod method,
        @Column(name = "amount_minor", nullable = false) long amountMinor,
        @Column(name = "provider_key", nullable = false, length = 100) String providerKey,
        @Column(name = "returned_at") Instant returnedAt) {

    public RefundMoney {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(providerKey, "providerKey");
        if (method == PaymentMethod.CREDIT) {
            throw new IllegalArgumentException("Money is handed back as cash or to a card, not as credit");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, was " + amountMinor);
        }
    }

    public boolean isReturned() {
        return returnedAt != null;
    }

    RefundMoney returned(Instant at) {
        return isReturned() ? this : new RefundMoney(paymentId, method, amountMinor, providerKey, at);
    }
}

package com.boxoffice.core.payment;

import java.time.Instant;
import java.util.Objects;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to take money for an order, in cash at the window or by card, or an exchange credit. */
@Entity
@Table(name = "payment")
public class PaymentEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 8)
    private PaymentMethod method;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private PaymentStatus status;

    @Column(name = "idempotency_key", nullable = false, length = 100, unique = true)
    private String idempotencyKey;

    @Column(name = "provider_reference", length = 200)
    private String providerReference;

    @Column(name = "tendered_minor")
    private Long tenderedMinor;

    @Column(name = "change_minor")
    private Long changeMinor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentEntity() {
    }

    private PaymentEntity(String id, String orderId, PaymentMethod method, long amountMinor, String currency,
                          PaymentStatus status, String idempotencyKey, Instant now) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative, was " + amountMinor);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.method = method;
        this.amountMinor = amountMinor;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.status = status;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /** Cash handed over at the window: taken on the spot, with the change to give back. */
    public static PaymentEntity cash(String id, String orderId, long amountMinor, String currency, long tenderedMinor,
                                     String idempotencyKey, Instant now) {
        if (tenderedMinor < amountMinor) {
            throw new IllegalArgumentException(
                    "Tendered " + tenderedMinor + " does not cover the amount " + amountMinor);
        }
        PaymentEntity payment = new PaymentEntity(id, orderId, PaymentMethod.CASH, amountMinor, currency,
                PaymentStatus.CAPTURED, idempotencyKey, now);
        payment.tenderedMinor = tenderedMinor;
        payment.changeMinor = tenderedMinor - amountMinor;
        return payment;
    }

    /**
     * The value of seats given back in an exchange, paying part (or all) of the order that replaces
     * them. Taken on the spot: the money was taken by the order the seats came from.
     */
    public static PaymentEntity credit(String id, String orderId, long amountMinor, String currency,
                                       String idempotencyKey, Instant now) {
        return new PaymentEntity(id, orderId, PaymentMethod.CREDIT, amountMinor, currency, PaymentStatus.CAPTURED,
                idempotencyKey, now);
    }

    /**
     * A card payment about to be requested from the provider. It starts {@link PaymentStatus#UNKNOWN}
     * and is stored before the request goes out.
     */
    public static PaymentEntity card(String id, String orderId, long amountMinor, String currency,
                                     String idempotencyKey, Instant now) {
        return new PaymentEntity(id, orderId, PaymentMethod.CARD, amountMinor, currency, PaymentStatus.UNKNOWN,
                idempotencyKey, now);
    }

    public void markAuthorised(String providerReference, Instant now) {
        moveTo(PaymentStatus.AUTHORISED, now);
        this.providerReference = Objects.requireNonNull(providerReference, "providerReference");
    }

    /** @param providerReference the provider's reference, or {@code null} to keep the one already known */
    public void markCaptured(String providerReference, Instant now) {
        moveTo(PaymentStatus.CAPTURED, now);
        if (providerReference != null) {
            this.providerReference = providerReference;
        }
    }

    public void markDeclined(Instant now) {
        moveTo(PaymentStatus.DECLINED, now);
    }

    public void markVoided(Instant now) {
        moveTo(PaymentStatus.VOIDED, now);
    }

    public void markRefunded(Instant now) {
        moveTo(PaymentStatus.REFUNDED, now);
    }

    private void moveTo(PaymentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Payment " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
        updatedAt = Objects.requireNonNull(now, "now");
    }

    @Override
    public String getId() {
        return id;
    }

    public String getOrderId() {
        return orderId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getProviderReference() {
        return providerReference;
    }

    /** Cash handed over; {@code null} for a card. */
    public Long getTenderedMinor() {
        return tenderedMinor;
    }

    /** Change given back; {@code null} for a card. */
    public Long getChangeMinor() {
        return changeMinor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

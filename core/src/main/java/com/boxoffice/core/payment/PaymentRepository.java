package com.boxoffice.core.payment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Payments of orders. */
public interface PaymentRepository extends JpaRepository<PaymentEntity, String> {

    /** The payment made under a key, so that a retried request finds it instead of paying again. */
    Optional<PaymentEntity> findByIdempotencyKey(String idempotencyKey);

    List<PaymentEntity> findByOrderIdOrderByCreatedAt(String orderId);

    /** Payments in a status, oldest first; {@link PaymentStatus#UNKNOWN} ones are to be looked up. */
    List<PaymentEntity> findByStatusOrderByCreatedAt(PaymentStatus status);
}

package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The sale journal. */
public interface SaleOrderRepository extends JpaRepository<SaleOrderEntity, String> {

    /** The order a payment attempt belongs to, e.g. when the provider answers after a restart. */
    Optional<SaleOrderEntity> findByPaymentIdempotencyKey(String paymentIdempotencyKey);

    /**
     * Orders that have been in a status since before the cutoff, oldest first: payments that never
     * answered, holds that were never priced.
     */
    List<SaleOrderEntity> findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(OrderStatus status, Instant cutoff);

    List<SaleOrderEntity> findByPerformanceIdAndStatus(String performanceId, OrderStatus status);
}

package com.boxoffice.core.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Payments of orders. */
public interface PaymentRepository extends JpaRepository<PaymentEntity, String> {

    /** The payment made under a key, so that a retried request finds it instead of paying again. */
    Optional<PaymentEntity> findByIdempotencyKey(String idempotencyKey);

    List<PaymentEntity> findByOrderIdOrderByCreatedAt(String orderId);

    /** Payments in a status, oldest first; {@link PaymentStatus#UNKNOWN} ones are to be looked up. */
    List<PaymentEntity> findByStatusOrderByCreatedAt(PaymentStatus status);

    /** Payments of a terminal's orders made in [from, to): money its drawer and card reader took. */
    @Query("select p from PaymentEntity p where p.orderId in"
            + " (select o.id from SaleOrderEntity o where o.terminalId = :terminalId)"
            + " and p.createdAt >= :from and p.createdAt < :to order by p.createdAt")
    List<PaymentEntity> findMadeAt(@Param("terminalId") String terminalId, @Param("from") Instant from,
                                   @Param("to") Instant to);

    /**
     * Payments of a terminal's orders given back whole in [from, to): a sale that failed after the
     * money was taken (seats lost, exchange called off) or money taken after its order had ended.
     */
    @Query("select p from PaymentEntity p where p.orderId in"
            + " (select o.id from SaleOrderEntity o where o.terminalId = :terminalId)"
            + " and p.status = com.boxoffice.core.payment.PaymentStatus.REFUNDED"
            + " and p.updatedAt >= :from and p.updatedAt < :to order by p.updatedAt")
    List<PaymentEntity> findGivenBackWholeAt(@Param("terminalId") String terminalId, @Param("from") Instant from,
                                             @Param("to") Instant to);
}

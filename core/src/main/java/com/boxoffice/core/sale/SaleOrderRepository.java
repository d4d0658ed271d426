package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The sale journal. */
public interface SaleOrderRepository extends JpaRepository<SaleOrderEntity, String> {

    /** The order a payment attempt belongs to, e.g. when the provider answers after a restart. */
    /**
     * The order, locked until the transaction ends: steps of one sale that may run at once (a
     * double-clicked payment, two servers recovering, a cancel racing a payment) take turns.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SaleOrderEntity o where o.id = :id")
    Optional<SaleOrderEntity> findForUpdate(@Param("id") String id);

    /** Orders whose id starts with the prefix (the short reference printed on tickets is one). */
    List<SaleOrderEntity> findByIdStartingWithOrderByCreatedAt(String prefix);

    Optional<SaleOrderEntity> findByPaymentIdempotencyKey(String paymentIdempotencyKey);

    /**
     * Orders that have been in a status since before the cutoff, oldest first: payments that never
     * answered, holds that were never priced.
     */
    List<SaleOrderEntity> findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(OrderStatus status, Instant cutoff);

    List<SaleOrderEntity> findByPerformanceIdAndStatus(String performanceId, OrderStatus status);

    /**
     * Seats each buyer owns at the performance (live tickets of orders with a buyer), for the
     * per-buyer limit; seats refunded or exchanged away no longer count.
     */
    @Query("select new com.boxoffice.core.sale.BuyerSeats(o.buyer, count(t)) from SaleOrderEntity o, TicketEntity t"
            + " where t.orderId = o.id and o.performanceId = :performanceId and o.buyer is not null"
            + " and t.status = com.boxoffice.core.ticket.TicketStatus.LIVE group by o.buyer")
    List<BuyerSeats> countSeatsByBuyer(@Param("performanceId") String performanceId);
}

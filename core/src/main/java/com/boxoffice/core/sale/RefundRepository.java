package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds and exchanges of confirmed orders. */
public interface RefundRepository extends JpaRepository<RefundEntity, String> {

    List<RefundEntity> findByOrderIdOrderByCreatedAt(String orderId);

    List<RefundEntity> findByNewOrderId(String newOrderId);

    /** Refunds left in a status since before the cut-off, oldest first: the ones a crash interrupted. */
    List<RefundEntity> findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(RefundStatus status, Instant cutoff);

    /** Refunds made at a terminal and touched at or after {@code since}: where its drawer paid out money. */
    List<RefundEntity> findByTerminalIdAndUpdatedAtGreaterThanEqual(String terminalId, Instant since);
}

package com.boxoffice.core.shift;

import java.time.Instant;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.sale.SaleOrderEntity;

/**
 * Read-only sums over the sale journal for a shift: completed sales of one terminal whose money was
 * taken in a period. A payment belongs to the period its row was written in, which for cash is the
 * moment it went into the drawer.
 */
public interface ShiftJournalRepository extends Repository<SaleOrderEntity, String> {

    String COMPLETED_SALE = " o.terminalId = :terminalId and o.currency = :currency"
            + " and o.status = com.boxoffice.core.sale.OrderStatus.CONFIRMED";
    String TAKEN_IN_PERIOD = " p.status = com.boxoffice.core.payment.PaymentStatus.CAPTURED"
            + " and p.createdAt >= :from and p.createdAt < :to";

    /** Money taken by one method; for cash, net of change. */
    @Query("select coalesce(sum(p.amountMinor), 0) from PaymentEntity p, SaleOrderEntity o where o.id = p.orderId and"
            + COMPLETED_SALE + " and p.currency = :currency and p.method = :method and" + TAKEN_IN_PERIOD)
    long taken(@Param("terminalId") String terminalId, @Param("currency") String currency,
               @Param("method") PaymentMethod method, @Param("from") Instant from, @Param("to") Instant to);

    @Query("select count(o) from SaleOrderEntity o where" + COMPLETED_SALE
            + " and exists (select p.id from PaymentEntity p where p.orderId = o.id and" + TAKEN_IN_PERIOD + ")")
    long sales(@Param("terminalId") String terminalId, @Param("currency") String currency,
               @Param("from") Instant from, @Param("to") Instant to);

    @Query("select count(s) from SaleOrderEntity o join o.seats s where" + COMPLETED_SALE
            + " and exists (select p.id from PaymentEntity p where p.orderId = o.id and" + TAKEN_IN_PERIOD + ")")
    long tickets(@Param("terminalId") String terminalId, @Param("currency") String currency,
                 @Param("from") Instant from, @Param("to") Instant to);
}

package com.boxoffice.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Issued tickets. */
public interface TicketRepository extends JpaRepository<TicketEntity, String> {

    List<TicketEntity> findByOrderId(String orderId);

    /** The ticket that currently holds the seat, if it is sold. */
    @Query("select t from TicketEntity t where t.performanceId = :performanceId and t.seatId = :seatId"
            + " and t.status = com.boxoffice.core.ticket.TicketStatus.LIVE")
    Optional<TicketEntity> findLive(@Param("performanceId") String performanceId, @Param("seatId") String seatId);

    /**
     * Seat and order of every LIVE ticket of the performance, by seat: the sold part of the seat map
     * and who owns each sold seat, for rebuilding the live state.
     */
    @Query("select new com.boxoffice.core.ticket.SoldSeat(t.seatId, t.orderId) from TicketEntity t"
            + " where t.performanceId = :performanceId and t.status = com.boxoffice.core.ticket.TicketStatus.LIVE"
            + " order by t.seatId")
    List<SoldSeat> findSoldSeats(@Param("performanceId") String performanceId);

    /** Every ticket ever issued for the seat, the latest first. */
    List<TicketEntity> findByPerformanceIdAndSeatIdOrderByIssuedAtDesc(String performanceId, String seatId);

    /** Tickets issued in [from, to) for orders sold at a terminal. */
    @Query("select t from TicketEntity t where t.orderId in"
            + " (select o.id from SaleOrderEntity o where o.terminalId = :terminalId)"
            + " and t.issuedAt >= :from and t.issuedAt < :to")
    List<TicketEntity> findIssuedAt(@Param("terminalId") String terminalId, @Param("from") Instant from,
                                    @Param("to") Instant to);
}

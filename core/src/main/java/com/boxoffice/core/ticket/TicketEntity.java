package com.boxoffice.core.ticket;

import java.time.Instant;
import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ticket for one seat at one performance.
 *
 * <p>{@code live_seat_key} is what the database's unique constraint on (performance, live seat key)
 * sees: the seat id while the ticket is LIVE, NULL once it is refunded. It is derived from the status
 * here and nowhere else, and a CHECK constraint refuses any row where the two disagree, so the
 * constraint that prevents a double sale cannot be switched off by a careless update.
 */
@Entity
@Table(name = "ticket")
public class TicketEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "performance_id", nullable = false, length = 64)
    private String performanceId;

    @Column(name = "seat_id", nullable = false, length = 64)
    private String seatId;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TicketStatus status;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "live_seat_key", length = 64)
    private String liveSeatKey;

    protected TicketEntity() {
    }

    /** A LIVE ticket. Storing it fails if the seat already has a LIVE ticket for the performance. */
    public static TicketEntity issue(String id, String orderId, String performanceId, String seatId, long priceMinor,
                                     Instant issuedAt) {
        if (priceMinor < 0) {
            throw new IllegalArgumentException("priceMinor must not be negative, was " + priceMinor);
        }
        TicketEntity ticket = new TicketEntity();
        ticket.id = Objects.requireNonNull(id, "id");
        ticket.orderId = Objects.requireNonNull(orderId, "orderId");
        ticket.performanceId = Objects.requireNonNull(performanceId, "performanceId");
        ticket.seatId = Objects.requireNonNull(seatId, "seatId");
        ticket.priceMinor = priceMinor;
        ticket.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        ticket.changeStatus(TicketStatus.LIVE);
        return ticket;
    }

    /** Voids the ticket and releases its seat for sale. */
    public void refund() {
        if (status != TicketStatus.LIVE) {
            throw new IllegalStateException("Ticket " + id + " is " + status + " and cannot be refunded");
        }
        changeStatus(TicketStatus.REFUNDED);
    }

    private void changeStatus(TicketStatus next) {
        status = next;
        liveSeatKey = next == TicketStatus.LIVE ? seatId : null;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getPerformanceId() {
        return performanceId;
    }

    public String getSeatId() {
        return seatId;
    }

    public long getPriceMinor() {
        return priceMinor;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public boolean isLive() {
        return status == TicketStatus.LIVE;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}

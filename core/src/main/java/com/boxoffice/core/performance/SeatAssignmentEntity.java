package com.boxoffice.core.performance;

import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A seat of a performance taken out of general sale, durably: the live seat map is rebuilt from these
 * and the sold tickets whenever Redis has lost it. A seat with no row here is simply on sale.
 */
@Entity
@Table(name = "seat_assignment")
@IdClass(SeatAssignmentId.class)
public class SeatAssignmentEntity extends AssignedIdEntity<SeatAssignmentId> {

    @Id
    @Column(name = "performance_id", length = 64)
    private String performanceId;

    @Id
    @Column(name = "seat_id", length = 64)
    private String seatId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private SeatAssignmentState state;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    protected SeatAssignmentEntity() {
    }

    private SeatAssignmentEntity(String performanceId, String seatId) {
        this.performanceId = Objects.requireNonNull(performanceId, "performanceId");
        this.seatId = Objects.requireNonNull(seatId, "seatId");
    }

    /** Takes a seat out of sale altogether. */
    public static SeatAssignmentEntity blocked(String performanceId, String seatId, String reason) {
        SeatAssignmentEntity assignment = new SeatAssignmentEntity(performanceId, seatId);
        assignment.block(reason);
        return assignment;
    }

    /** Sets a seat aside for one terminal. */
    public static SeatAssignmentEntity allocated(String performanceId, String seatId, String terminalId) {
        SeatAssignmentEntity assignment = new SeatAssignmentEntity(performanceId, seatId);
        assignment.allocateTo(terminalId);
        return assignment;
    }

    public void block(String reason) {
        this.state = SeatAssignmentState.BLOCKED;
        this.reason = reason;
        this.terminalId = null;
    }

    public void allocateTo(String terminalId) {
        this.state = SeatAssignmentState.ALLOCATED;
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.reason = null;
    }

    @Override
    public SeatAssignmentId getId() {
        return new SeatAssignmentId(performanceId, seatId);
    }

    public String getPerformanceId() {
        return performanceId;
    }

    public String getSeatId() {
        return seatId;
    }

    public SeatAssignmentState getState() {
        return state;
    }

    /** Why the seat is blocked; {@code null} for an allocation or when nobody said. */
    public String getReason() {
        return reason;
    }

    /** The terminal the seat is allocated to; {@code null} for a blocked seat. */
    public String getTerminalId() {
        return terminalId;
    }
}

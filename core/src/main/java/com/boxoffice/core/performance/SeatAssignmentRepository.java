package com.boxoffice.core.performance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Blocked and allocated seats per performance. */
public interface SeatAssignmentRepository extends JpaRepository<SeatAssignmentEntity, SeatAssignmentId> {

    /** Everything that keeps seats of the performance out of general sale. */
    List<SeatAssignmentEntity> findByPerformanceIdOrderBySeatId(String performanceId);

    /** The seats a terminal may sell for the performance while it has no connection. */
    List<SeatAssignmentEntity> findByPerformanceIdAndTerminalIdOrderBySeatId(String performanceId, String terminalId);
}

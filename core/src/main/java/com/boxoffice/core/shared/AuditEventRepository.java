package com.boxoffice.core.shared;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail. */
public interface AuditEventRepository extends JpaRepository<AuditEventEntity, Long> {

    /** The history of one subject (an order, a performance), oldest first. */
    List<AuditEventEntity> findBySubjectOrderByAtAscIdAsc(String subject);

    /** Everything in a period, e.g. for a shift report: from inclusive, until exclusive. */
    List<AuditEventEntity> findByAtGreaterThanEqualAndAtLessThanOrderByAtAscIdAsc(Instant from, Instant until);
}

package com.boxoffice.core.performance;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored performances with their price tiers. */
public interface PerformanceRepository extends JpaRepository<PerformanceEntity, String> {

    List<PerformanceEntity> findByVenueIdOrderByStartsAt(String venueId);

    /** Performances whose sale window contains the instant, the same rule as {@link Performance#onSaleAt}. */
    @Query("select p from PerformanceEntity p where p.saleOpens <= :at and p.saleCloses > :at order by p.startsAt")
    List<PerformanceEntity> findOnSaleAt(@Param("at") Instant at);

    /** Performances whose sale has not closed at the instant (on sale now or opening later), soonest first. */
    @Query("select p from PerformanceEntity p where p.saleCloses > :at order by p.startsAt, p.id")
    List<PerformanceEntity> findSaleNotClosedAt(@Param("at") Instant at);
}

package com.boxoffice.core.venue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored venues. */
public interface VenueRepository extends JpaRepository<VenueEntity, String> {

    /** All venues by name, without loading their plans. */
    @Query("select new com.boxoffice.core.venue.VenueSummary(v.id, v.name, v.kind, v.seatCount)"
            + " from VenueEntity v order by v.name")
    List<VenueSummary> findAllSummaries();
}

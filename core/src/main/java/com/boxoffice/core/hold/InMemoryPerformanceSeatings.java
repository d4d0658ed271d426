package com.boxoffice.core.hold;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.venue.Venue;

/** Performances registered in memory; each venue's layout is compiled once and shared. */
public class InMemoryPerformanceSeatings implements PerformanceSeatings {

    private final Map<String, PerformanceSeating> byPerformance = new ConcurrentHashMap<>();
    private final Map<String, SeatLayout> byVenue = new ConcurrentHashMap<>();

    public PerformanceSeating register(Performance performance, Venue venue) {
        if (!performance.venueId().equals(venue.id())) {
            throw new IllegalArgumentException("Performance " + performance.id() + " is at venue "
                    + performance.venueId() + ", not " + venue.id());
        }
        SeatLayout layout = byVenue.computeIfAbsent(venue.id(), id -> SeatLayout.of(venue));
        PerformanceSeating seating = new PerformanceSeating(performance, layout);
        byPerformance.put(performance.id(), seating);
        return seating;
    }

    @Override
    public PerformanceSeating seating(String performanceId) {
        PerformanceSeating seating = byPerformance.get(performanceId);
        if (seating == null) {
            throw new UnknownPerformanceException("No performance " + performanceId);
        }
        return seating;
    }

    @Override
    public Collection<String> performanceIds() {
        return List.copyOf(byPerformance.keySet());
    }
}

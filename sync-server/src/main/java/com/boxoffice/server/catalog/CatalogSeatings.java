package com.boxoffice.server.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;

/**
 * Performances and seat layouts read from the central database, for the hold engine and for checking
 * what terminals upload. A venue's plan is compiled once; a performance is read again after a short
 * while, so a price change made in the database reaches the checks without a restart.
 */
@Component
public class CatalogSeatings implements PerformanceSeatings {

    private static final Duration PERFORMANCE_REFRESH = Duration.ofSeconds(30);

    /** A venue's plan compiled for the hold engine, with each seat's quality rank by seat index. */
    public record VenueSeats(Venue venue, SeatLayout layout, int[] ranks) {
    }

    private record Cached(PerformanceSeating seating, VenueSeats venue, Instant readAt) {
    }

    private final PerformanceRepository performances;
    private final VenueRepository venues;
    private final Clock clock;
    private final Map<String, Cached> byPerformance = new ConcurrentHashMap<>();
    private final Map<String, VenueSeats> byVenue = new ConcurrentHashMap<>();

    public CatalogSeatings(PerformanceRepository performances, VenueRepository venues, Clock clock) {
        this.performances = performances;
        this.venues = venues;
        this.clock = clock;
    }

    @Override
    public PerformanceSeating seating(String performanceId) {
        return cached(performanceId).seating();
    }

    /** The venue plan of a performance. */
    public VenueSeats venueOf(String performanceId) {
        return cached(performanceId).venue();
    }

    /** Performances this server has worked with, whose holds its sweeper looks after. */
    @Override
    public Collection<String> performanceIds() {
        return List.copyOf(byPerformance.keySet());
    }

    private Cached cached(String performanceId) {
        if (performanceId == null) {
            throw new UnknownPerformanceException("No performance given");
        }
        Instant now = clock.instant();
        Cached cached = byPerformance.get(performanceId);
        if (cached != null && now.isBefore(cached.readAt().plus(PERFORMANCE_REFRESH))) {
            return cached;
        }
        Performance performance = performances.findById(performanceId)
                .orElseThrow(() -> new UnknownPerformanceException("No performance " + performanceId))
                .toPerformance();
        VenueSeats venue = venue(performance.venueId());
        Cached fresh = new Cached(new PerformanceSeating(performance, venue.layout()), venue, now);
        byPerformance.put(performanceId, fresh);
        return fresh;
    }

    private VenueSeats venue(String venueId) {
        return byVenue.computeIfAbsent(venueId, id -> {
            Venue venue = VenueJson.read(venues.findById(id)
                    .orElseThrow(() -> new UnknownPerformanceException("No venue " + id)).getLayoutJson());
            SeatLayout layout = SeatLayout.of(venue);
            int[] ranks = new int[layout.size()];
            for (Section section : venue.sections()) {
                for (Row row : section.rows()) {
                    for (Seat seat : row.seats()) {
                        ranks[layout.indexOf(seat.id())] = seat.rank();
                    }
                }
            }
            return new VenueSeats(venue, layout, ranks);
        });
    }
}

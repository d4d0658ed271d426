package com.boxoffice.ui.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.DemoShows;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.ui.common.SeatNames;

/**
 * The demo shows ({@link DemoShows}: one performance at each demo venue), with the seats loaded
 * into the hold store unless they already are (so sales made in an earlier run stay sold).
 */
public class DemoCatalog {

    private final InMemoryPerformanceSeatings seatings;
    private final HoldStore holds;
    private final Journal journal;
    private final Clock clock;
    private final List<PerformanceSeating> installed = new ArrayList<>();
    private final Map<String, Venue> venues = new HashMap<>();
    private final Map<String, SeatNames> seatNames = new ConcurrentHashMap<>();

    /** Where the terminal writes down the venues and performances it sells (its sales refer to them). */
    public interface Journal {
        void store(Venue venue, Performance performance);
    }

    public DemoCatalog(InMemoryPerformanceSeatings seatings, HoldStore holds, Journal journal, Clock clock) {
        this.seatings = seatings;
        this.holds = holds;
        this.journal = journal;
        this.clock = clock;
    }

    public synchronized List<PerformanceSeating> install() {
        if (!installed.isEmpty()) {
            return installed;
        }
        // filled only once every performance is in place: a failure half-way (the seat server away)
        // leaves nothing installed, and the next call starts over
        List<PerformanceSeating> all = new ArrayList<>();
        for (DemoShows.Show show : DemoShows.all(clock)) {
            Venue venue = show.venue();
            Performance performance = show.performance();
            journal.store(venue, performance);
            PerformanceSeating seating = seatings.register(performance, venue);
            this.venues.put(venue.id(), venue);
            if (!loaded(seating)) {
                holds.load(performance.id(), List.of(), Map.of());
            }
            all.add(seating);
        }
        installed.addAll(all);
        return installed;
    }

    /** The name of an installed venue, or its id when it is not one of the demo venues. */
    public synchronized String venueName(String venueId) {
        Venue venue = venues.get(venueId);
        return venue == null ? venueId : venue.name();
    }

    /** An installed venue's plan. */
    public synchronized Venue venue(String venueId) {
        install();
        Venue venue = venues.get(venueId);
        if (venue == null) {
            throw new IllegalArgumentException("No venue " + venueId);
        }
        return venue;
    }

    /** An installed venue's seats named for people, made once per venue (the stadium has 70,000). */
    public SeatNames seatNames(String venueId) {
        return seatNames.computeIfAbsent(venueId, id -> new SeatNames(venue(id)));
    }

    private boolean loaded(PerformanceSeating seating) {
        try {
            return holds.availability(seating.performance().id()).states().length() == seating.layout().size();
        } catch (UnknownPerformanceException e) {
            return false;
        }
    }
}

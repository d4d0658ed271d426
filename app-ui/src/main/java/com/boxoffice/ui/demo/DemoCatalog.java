package com.boxoffice.ui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.ui.common.SeatNames;

/**
 * One performance at each demo venue (theatre, arena, stadium), on sale from a month ago to two
 * months ahead, with the seats loaded into the hold store unless they already are (so sales made
 * in an earlier run stay sold).
 */
public class DemoCatalog {

    private static final long[] PRICES = {9500, 7000, 5000, 3500, 2500, 1500};
    private static final String[] TITLES = {"Hamlet", "The Night Tour", "Cup Final"};

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
        List<Venue> venues = DemoVenues.all();
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < venues.size(); i++) {
            Venue venue = venues.get(i);
            Performance performance = new Performance(venue.id() + "-1", venue.id(), TITLES[i % TITLES.length],
                    today.plus(Duration.ofDays(14 + i)).plus(Duration.ofHours(19)), today.minus(Duration.ofDays(30)),
                    today.plus(Duration.ofDays(60)), tiers(venue), HoldPolicy.DEFAULT, 8, OfflinePolicy.ALLOCATED_ONLY);
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

    private static List<PriceTier> tiers(Venue venue) {
        List<PriceTier> tiers = new ArrayList<>();
        List<PriceCategory> categories = venue.categories();
        for (int c = 0; c < categories.size(); c++) {
            PriceCategory category = categories.get(c);
            tiers.add(new PriceTier(category.code(), category.name(), PRICES[Math.min(c, PRICES.length - 1)], "EUR"));
        }
        return tiers;
    }
}

package com.boxoffice.core.performance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Venue;

/**
 * The demonstration catalog: one performance at each demo venue (theatre, arena, stadium), on sale
 * from a month ago to two months ahead. The client in demo mode sells these, and a sync server asked
 * for its demo catalog holds the same ones, so a demo terminal's sales reconcile there: ids, prices
 * and dates come out alike on both for the same day.
 */
public final class DemoShows {

    private static final long[] PRICES = {9500, 7000, 5000, 3500, 2500, 1500};
    private static final String[] TITLES = {"Hamlet", "The Night Tour", "Cup Final"};

    /** A demo performance and the venue it plays at. */
    public record Show(Venue venue, Performance performance) {
    }

    private DemoShows() {
    }

    public static List<Show> all(Clock clock) {
        List<Show> shows = new ArrayList<>();
        List<Venue> venues = DemoVenues.all();
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < venues.size(); i++) {
            Venue venue = venues.get(i);
            shows.add(new Show(venue, new Performance(venue.id() + "-1", venue.id(), TITLES[i % TITLES.length],
                    today.plus(Duration.ofDays(14 + i)).plus(Duration.ofHours(19)), today.minus(Duration.ofDays(30)),
                    today.plus(Duration.ofDays(60)), tiers(venue), HoldPolicy.DEFAULT, 8, OfflinePolicy.ALLOCATED_ONLY)));
        }
        return shows;
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

package com.boxoffice.server.online;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.web.ApiException;

/** What the public may read about performances: the list on sale, one performance, its seats' state now. */
@Component
public class OnlineCatalog {

    /** A performance as the public list shows it. */
    public record PerformanceSummary(String id, String title, String venueId, String venueName, Instant startsAt,
                                     Instant saleOpens, Instant saleCloses, boolean onSale, int perBuyerLimit,
                                     long seatsAvailable, List<PriceTierView> priceTiers) {
    }

    /** A price tier with the name and map colour of the venue category it prices. */
    public record PriceTierView(String category, String name, long priceMinor, String currency, String color) {
    }

    /** Every seat's state now, in seat index order, and the change-feed id it includes. */
    public record AvailabilityView(String performanceId, String states, String feedId, long available,
                                   Map<String, Long> freeByCategory) {
    }

    private final PerformanceRepository performances;
    private final CatalogSeatings seatings;
    private final SeatStates seatStates;
    private final HoldStore holds;
    private final Clock clock;

    public OnlineCatalog(PerformanceRepository performances, CatalogSeatings seatings, SeatStates seatStates,
                         HoldStore holds, Clock clock) {
        this.performances = performances;
        this.seatings = seatings;
        this.seatStates = seatStates;
        this.holds = holds;
        this.clock = clock;
    }

    /** Performances whose sale has not closed, soonest first, each with its free seats now. */
    public List<PerformanceSummary> list() {
        Instant now = clock.instant();
        List<PerformanceSummary> out = new ArrayList<>();
        for (PerformanceEntity entity : performances.findSaleNotClosedAt(now)) {
            Performance p = entity.toPerformance();
            Venue venue = seatings.venueOf(p.id()).venue();
            long free = availability(p.id()).count(SeatState.AVAILABLE);
            out.add(new PerformanceSummary(p.id(), p.title(), p.venueId(), venue.name(), p.startsAt(), p.saleOpens(),
                    p.saleCloses(), p.onSaleAt(now), p.perBuyerLimit(), free, tiers(p, venue)));
        }
        return out;
    }

    private static List<PriceTierView> tiers(Performance performance, Venue venue) {
        Map<String, PriceCategory> categories = new LinkedHashMap<>();
        venue.categories().forEach(c -> categories.put(c.code(), c));
        List<PriceTierView> out = new ArrayList<>();
        for (PriceTier tier : performance.tiers()) {
            PriceCategory category = categories.get(tier.category());
            out.add(new PriceTierView(tier.category(), category == null ? tier.name() : category.name(), tier.priceMinor(),
                    tier.currency(), category == null ? null : category.color()));
        }
        return out;
    }

    /** A stored performance; 404 when there is none. */
    public Performance performance(String id) {
        return performances.findById(id)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-performance",
                        "There is no performance " + id + "; GET /api/performances lists those on sale."))
                .toPerformance();
    }

    /** Loads the performance's seats into Redis unless they are there. */
    public void ensureLoaded(String performanceId) {
        seatStates.ensureLoaded(performanceId);
    }

    /** The seats' state now, loading the performance into Redis first when it is not there. */
    public Availability availability(String performanceId) {
        seatStates.ensureLoaded(performanceId);
        try {
            return holds.availability(performanceId);
        } catch (UnknownPerformanceException e) {
            // Redis lost it (restarted or flushed) since it was loaded
            seatStates.reload(performanceId);
            return holds.availability(performanceId);
        }
    }

    public AvailabilityView availabilityView(String performanceId) {
        Availability availability = availability(performanceId);
        Map<String, Long> free = new LinkedHashMap<>();
        for (PriceCategory category : seatings.venueOf(performanceId).venue().categories()) {
            free.put(category.code(), availability.freeIn(category.code()));
        }
        return new AvailabilityView(performanceId, availability.states(), availability.feedId(),
                availability.count(SeatState.AVAILABLE), free);
    }
}

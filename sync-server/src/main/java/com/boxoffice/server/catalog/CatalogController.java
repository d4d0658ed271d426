package com.boxoffice.server.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.performance.SeatAssignmentState;
import com.boxoffice.core.venue.VenueKind;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.core.venue.VenueSummary;
import com.boxoffice.server.terminal.TerminalAuthentication;
import com.boxoffice.server.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;

/** What a terminal downloads to sell: the catalog, venue plans and a performance's seat snapshot. */
@RestController
@RequestMapping("/sync/v1")
public class CatalogController {

    private final VenueRepository venues;
    private final PerformanceRepository performances;
    private final SeatAssignmentRepository assignments;
    private final HoldStore holds;
    private final SeatStates seatStates;
    private final Clock clock;

    public CatalogController(VenueRepository venues, PerformanceRepository performances,
                             SeatAssignmentRepository assignments, HoldStore holds, SeatStates seatStates, Clock clock) {
        this.venues = venues;
        this.performances = performances;
        this.assignments = assignments;
        this.holds = holds;
        this.seatStates = seatStates;
        this.clock = clock;
    }

    public record VenueView(String id, String name, VenueKind kind, int seatCount) {
    }

    public record PerformanceView(String id, String name, Instant startsAt, String venueId, OfflinePolicy offlinePolicy,
                                  Instant saleOpens, Instant saleCloses, int perBuyerLimit) {
    }

    public record PriceTierView(String performanceId, String category, String name, long priceMinor, String currency) {
    }

    public record Catalog(List<VenueView> venues, List<PerformanceView> performances, List<PriceTierView> priceTiers) {
    }

    public record Snapshot(String performanceId, String states, String feedId, List<String> allocatedToYou,
                           OfflinePolicy offlinePolicy, Instant takenAt) {
    }

    @GetMapping("/catalog")
    Catalog catalog() {
        List<VenueView> venueViews = new ArrayList<>();
        for (VenueSummary v : venues.findAllSummaries()) {
            venueViews.add(new VenueView(v.id(), v.name(), v.kind(), v.seatCount()));
        }
        List<PerformanceView> performanceViews = new ArrayList<>();
        List<PriceTierView> tiers = new ArrayList<>();
        for (PerformanceEntity entity : performances.findAll()) {
            Performance p = entity.toPerformance();
            performanceViews.add(new PerformanceView(p.id(), p.title(), p.startsAt(), p.venueId(), p.offlinePolicy(),
                    p.saleOpens(), p.saleCloses(), p.perBuyerLimit()));
            for (PriceTier tier : p.tiers()) {
                tiers.add(new PriceTierView(p.id(), tier.category(), tier.name(), tier.priceMinor(), tier.currency()));
            }
        }
        performanceViews.sort(java.util.Comparator.comparing(PerformanceView::startsAt).thenComparing(PerformanceView::id));
        return new Catalog(venueViews, performanceViews, tiers);
    }

    /** A venue's seating plan in the venue file format ({@code docs/venue-format.md}). */
    @GetMapping(value = "/venues/{id}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> plan(@PathVariable String id) {
        return venues.findById(id)
                .map(v -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(v.getLayoutJson()))
                .orElseThrow(() -> ApiException.notFound("No venue " + id + "."));
    }

    @GetMapping("/performances/{id}/snapshot")
    Snapshot snapshot(@PathVariable String id, HttpServletRequest request) {
        String terminalId = TerminalAuthentication.caller(request).terminalId();
        Performance performance = performances.findById(id)
                .orElseThrow(() -> ApiException.notFound("No performance " + id + "."))
                .toPerformance();
        Instant takenAt = clock.instant();
        Availability availability;
        try {
            seatStates.ensureLoaded(id);
            availability = holds.availability(id);
        } catch (UnknownPerformanceException e) {
            seatStates.reload(id);
            availability = holds.availability(id);
        }
        List<String> mine = new ArrayList<>();
        if (terminalId != null) {
            var layout = seatStates.layoutOf(id);
            for (SeatAssignmentEntity a : assignments.findByPerformanceIdAndTerminalIdOrderBySeatId(id, terminalId)) {
                int index = layout.indexOf(a.getSeatId());
                if (a.getState() == SeatAssignmentState.ALLOCATED && index >= 0
                        && availability.states().charAt(index) == 'A') {
                    mine.add(a.getSeatId());
                }
            }
        }
        return new Snapshot(id, availability.states(), availability.feedId(), mine, performance.offlinePolicy(), takenAt);
    }
}

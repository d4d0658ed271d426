package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentId;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.performance.SeatAssignmentState;
import com.boxoffice.core.terminal.TerminalEntity;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueKind;
import com.boxoffice.core.venue.VenueSummary;

/** Venues, performances, seat assignments and terminals as stored and read back. */
abstract class CatalogContract extends PersistenceContract {

    @Autowired
    SeatAssignmentRepository seatAssignments;

    @Autowired
    TerminalRepository terminals;

    @Test
    void performanceWithPriceTiersReadsBackEqualToWhatWasStored() {
        String venueId = storedVenue().getId();
        Performance original = new Performance(newId("perf"), venueId, "La Traviata",
                NOW.plus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(39)),
                List.of(new PriceTier("A", "Stalls", 8900, "EUR"), new PriceTier("B", "Circle", 5400, "EUR"),
                        new PriceTier("C", "Gallery", 1900, "EUR")),
                new HoldPolicy(Duration.ofSeconds(300), Duration.ofSeconds(240), Duration.ofSeconds(600),
                        Duration.ofSeconds(15), 3),
                4, OfflinePolicy.AT_RISK_ALLOWED);

        performances.save(PerformanceEntity.from(original));

        assertThat(performances.findById(original.id()).orElseThrow().toPerformance()).isEqualTo(original);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM price_tier WHERE performance_id = ?", Long.class,
                original.id())).isEqualTo(3);
    }

    @Test
    void priceTiersReadBackOrderedByCategory() {
        String venueId = storedVenue().getId();
        Performance shuffled = withTiers(performance(newId("perf"), venueId),
                List.of(new PriceTier("B", "Standard", 3900, "GBP"), new PriceTier("A", "Premium", 6500, "GBP")));

        performances.save(PerformanceEntity.from(shuffled));

        assertThat(performances.findById(shuffled.id()).orElseThrow().toPerformance().tiers())
                .extracting(PriceTier::category, PriceTier::priceMinor, PriceTier::currency)
                .containsExactly(tuple("A", 6500L, "GBP"),
                        tuple("B", 3900L, "GBP"));
    }

    @Test
    void revisingAPerformanceReplacesItsPriceTiers() {
        String performanceId = storedPerformance();
        PerformanceEntity stored = performances.findById(performanceId).orElseThrow();
        Performance revised = withTiers(stored.toPerformance(),
                List.of(new PriceTier("A", "Premium", 7200, "EUR"), new PriceTier("C", "Restricted view", 1500, "EUR")));

        stored.revise(revised);
        performances.save(stored);

        assertThat(performances.findById(performanceId).orElseThrow().toPerformance()).isEqualTo(revised);
        assertThat(jdbc.queryForList("SELECT category FROM price_tier WHERE performance_id = ? ORDER BY category",
                String.class, performanceId)).containsExactly("A", "C");
    }

    @Test
    void performanceAtAnUnknownVenueIsRefused() {
        Performance orphan = performance(newId("perf"), "no-such-venue");

        assertThatThrownBy(() -> performances.saveAndFlush(PerformanceEntity.from(orphan)))
                .satisfies(thrown -> assertForeignKeyViolation(thrown, "fk_performance_venue"));
        assertThat(performances.findById(orphan.id())).isEmpty();
    }

    @Test
    void performancesOnSaleAreThoseWhoseSaleWindowContainsTheInstant() {
        String venueId = storedVenue().getId();
        Performance open = performance(newId("perf"), venueId);
        Performance notYet = withSaleWindow(performance(newId("perf"), venueId), NOW.plusSeconds(1), NOW.plusSeconds(60));
        Performance closedJustNow = withSaleWindow(performance(newId("perf"), venueId), NOW.minusSeconds(60), NOW);
        List.of(open, notYet, closedJustNow).forEach(p -> performances.save(PerformanceEntity.from(p)));

        assertThat(performances.findOnSaleAt(NOW)).extracting(PerformanceEntity::getId)
                .contains(open.id())
                .doesNotContain(notYet.id(), closedJustNow.id());
        assertThat(performances.findByVenueIdOrderByStartsAt(venueId)).hasSize(3);
    }

    @Test
    void stadiumSizedSeatingPlanIsStoredAndReadBackWhole() {
        String id = newId("stadium");
        String layoutJson = stadiumSizedJson(5 * 1024 * 1024);

        venues.save(VenueEntity.from(new Venue(id, "National Stadium", VenueKind.STADIUM, List.of(), List.of()),
                layoutJson, NOW));

        VenueEntity read = venues.findById(id).orElseThrow();
        assertThat(read.getLayoutJson()).hasSize(layoutJson.length());
        assertThat(read.getLayoutJson()).isEqualTo(layoutJson);
    }

    @Test
    void venueSummariesCarryWhatAListShowsWithoutThePlan() {
        VenueEntity stored = storedVenue();

        assertThat(venues.findAllSummaries())
                .contains(new VenueSummary(stored.getId(), stored.getName(), VenueKind.THEATRE, 3));
    }

    @Test
    void replacingAVenuePlanUpdatesItsSeatCount() {
        VenueEntity stored = storedVenue();
        Venue emptied = new Venue(stored.getId(), "Renamed", VenueKind.OTHER, List.of(), List.of());

        stored.replacePlan(emptied, "{\"sections\":[]}");
        venues.save(stored);

        VenueEntity read = venues.findById(stored.getId()).orElseThrow();
        assertThat(read.getName()).isEqualTo("Renamed");
        assertThat(read.getSeatCount()).isZero();
        assertThat(read.getLayoutJson()).isEqualTo("{\"sections\":[]}");
        assertThat(read.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void blockedAndAllocatedSeatsAreKeptPerPerformance() {
        String performanceId = storedPerformance();
        String otherPerformanceId = storedPerformance();
        seatAssignments.save(SeatAssignmentEntity.blocked(performanceId, "STALLS-A-1", "Camera position"));
        seatAssignments.save(SeatAssignmentEntity.allocated(performanceId, "STALLS-A-2", "BO-1"));
        seatAssignments.save(SeatAssignmentEntity.allocated(performanceId, "STALLS-A-3", "BO-2"));
        seatAssignments.save(SeatAssignmentEntity.blocked(otherPerformanceId, "STALLS-A-1", null));

        assertThat(seatAssignments.findByPerformanceIdOrderBySeatId(performanceId))
                .extracting(SeatAssignmentEntity::getSeatId, SeatAssignmentEntity::getState,
                        SeatAssignmentEntity::getReason, SeatAssignmentEntity::getTerminalId)
                .containsExactly(
                        tuple("STALLS-A-1", SeatAssignmentState.BLOCKED, "Camera position", null),
                        tuple("STALLS-A-2", SeatAssignmentState.ALLOCATED, null, "BO-1"),
                        tuple("STALLS-A-3", SeatAssignmentState.ALLOCATED, null, "BO-2"));
        assertThat(seatAssignments.findByPerformanceIdAndTerminalIdOrderBySeatId(performanceId, "BO-1"))
                .extracting(SeatAssignmentEntity::getSeatId).containsExactly("STALLS-A-2");
    }

    @Test
    void reallocatingABlockedSeatChangesItInPlace() {
        String performanceId = storedPerformance();
        seatAssignments.save(SeatAssignmentEntity.blocked(performanceId, "STALLS-A-1", "Broken"));

        SeatAssignmentEntity assignment = seatAssignments.findById(new SeatAssignmentId(performanceId, "STALLS-A-1"))
                .orElseThrow();
        assignment.allocateTo("BO-3");
        seatAssignments.save(assignment);

        SeatAssignmentEntity read = seatAssignments.findById(new SeatAssignmentId(performanceId, "STALLS-A-1"))
                .orElseThrow();
        assertThat(read.getState()).isEqualTo(SeatAssignmentState.ALLOCATED);
        assertThat(read.getTerminalId()).isEqualTo("BO-3");
        assertThat(read.getReason()).isNull();
        assertThat(seatAssignments.findByPerformanceIdOrderBySeatId(performanceId)).hasSize(1);
    }

    @Test
    void databaseRefusesAnAllocationWithoutATerminal() {
        String performanceId = storedPerformance();

        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO seat_assignment (performance_id, seat_id, state) VALUES (?, 'STALLS-A-1', 'ALLOCATED')",
                performanceId))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_seat_assignment_state"));
    }

    @Test
    void deactivatedTerminalsAreNotListedAsActive() {
        TerminalEntity window = terminals.save(
                TerminalEntity.register(newId("BO"), "Window 1", TerminalKind.BOX_OFFICE, "$argon2id$hash-1", NOW));
        TerminalEntity kiosk = terminals.save(
                TerminalEntity.register(newId("K"), "Foyer kiosk", TerminalKind.KIOSK, "$argon2id$hash-2", NOW));

        TerminalEntity retired = terminals.findById(kiosk.getId()).orElseThrow();
        retired.deactivate();
        retired.rotateCredential("$argon2id$hash-3");
        terminals.save(retired);

        assertThat(terminals.findByActiveTrueOrderByName()).extracting(TerminalEntity::getId)
                .contains(window.getId()).doesNotContain(kiosk.getId());
        assertThat(terminals.findByKindAndActiveTrueOrderByName(TerminalKind.BOX_OFFICE))
                .extracting(TerminalEntity::getId).contains(window.getId());
        TerminalEntity read = terminals.findById(kiosk.getId()).orElseThrow();
        assertThat(read.isActive()).isFalse();
        assertThat(read.getCredentialHash()).isEqualTo("$argon2id$hash-3");
        assertThat(read.getCreatedAt()).isEqualTo(NOW);
    }

    private static Performance withTiers(Performance p, List<PriceTier> tiers) {
        return new Performance(p.id(), p.venueId(), p.title(), p.startsAt(), p.saleOpens(), p.saleCloses(), tiers,
                p.holds(), p.perBuyerLimit(), p.offlinePolicy());
    }

    private static Performance withSaleWindow(Performance p, Instant opens, Instant closes) {
        return new Performance(p.id(), p.venueId(), p.title(), p.startsAt(), opens, closes, p.tiers(), p.holds(),
                p.perBuyerLimit(), p.offlinePolicy());
    }

    /** Seat-like JSON of at least the given size, varied enough that nothing can store it by pattern. */
    private static String stadiumSizedJson(int minimumChars) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder json = new StringBuilder(minimumChars + 200).append("{\"seats\":[");
        for (int i = 0; json.length() < minimumChars; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"S").append(i).append("\",\"x\":").append(random.nextDouble(500))
                    .append(",\"y\":").append(random.nextDouble(500)).append(",\"name\":\"Tribüne Ø ")
                    .append(i % 97).append("\"}");
        }
        return json.append("]}").toString();
    }
}

package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueKind;
import com.boxoffice.core.venue.VenueRepository;

/**
 * What every database test needs: stored venues, performances and orders to hang rows on, and checks
 * that a refusal came from the named constraint. Each test makes its own rows under fresh ids, since
 * all test classes on one database share it.
 */
abstract class PersistenceContract {

    static final Instant NOW = Instant.parse("2026-03-14T18:30:00Z");

    @Autowired
    protected VenueRepository venues;

    @Autowired
    protected PerformanceRepository performances;

    @Autowired
    protected SaleOrderRepository orders;

    @Autowired
    protected JdbcTemplate jdbc;

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    static Venue smallTheatre(String id) {
        List<Seat> seats = List.of(
                new Seat("STALLS-A-1", "1", 0, 0, "A", 1, Set.of(), false),
                new Seat("STALLS-A-2", "2", 0.5, 0, "A", 1, Set.of(), false),
                new Seat("STALLS-A-3", "3", 1.0, 0, "B", 2, Set.of(), false));
        Section stalls = new Section("STALLS", "Stalls", List.of(), List.of(new Row("A", seats)));
        return new Venue(id, "Theatre " + id, VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Premium", "#aa0000"), new PriceCategory("B", "Standard", "#0000aa")),
                List.of(stalls));
    }

    VenueEntity storedVenue() {
        String id = newId("venue");
        return venues.save(VenueEntity.from(smallTheatre(id), "{\"id\":\"" + id + "\"}", NOW));
    }

    static Performance performance(String id, String venueId) {
        return new Performance(id, venueId, "Hamlet", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(30)),
                List.of(new PriceTier("A", "Premium", 6500, "EUR"), new PriceTier("B", "Standard", 3900, "EUR")),
                new HoldPolicy(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(10),
                        Duration.ofSeconds(20), 2),
                6, OfflinePolicy.ALLOCATED_ONLY);
    }

    /** A stored performance at a stored venue; returns its id. */
    String storedPerformance() {
        String venueId = storedVenue().getId();
        return performances.save(PerformanceEntity.from(performance(newId("perf"), venueId))).getId();
    }

    /** A stored order at the window, just opened; returns its id. */
    String storedOrder(String performanceId) {
        return orders.save(SaleOrderEntity.open(newUuid(), performanceId, Channel.BOX_OFFICE, "BO-1", null,
                newId("hold"), NOW)).getId();
    }

    /** The refusal is a unique constraint violation (SQLSTATE 23505 on both databases) of the named constraint. */
    static void assertUniqueViolation(Throwable thrown, String constraint) {
        assertIntegrityViolation(thrown, constraint, Set.of("23505"));
    }

    /** The refusal is a CHECK violation of the named constraint (H2 reports 23513, PostgreSQL 23514). */
    static void assertCheckViolation(Throwable thrown, String constraint) {
        assertIntegrityViolation(thrown, constraint, Set.of("23513", "23514"));
    }

    /** The refusal is a foreign key violation of the named constraint (H2 reports 23506, PostgreSQL 23503). */
    static void assertForeignKeyViolation(Throwable thrown, String constraint) {
        assertIntegrityViolation(thrown, constraint, Set.of("23503", "23506"));
    }

    private static void assertIntegrityViolation(Throwable thrown, String constraint, Set<String> sqlStates) {
        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        SQLException sql = sqlCause(thrown);
        assertThat((Object) sql).as("SQLException behind %s", thrown).isNotNull();
        assertThat(sql.getSQLState()).isIn(sqlStates);
        assertThat(sql.getMessage()).containsIgnoringCase(constraint);
    }

    private static SQLException sqlCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}

package com.boxoffice.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.performance.HoldPolicy;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.Point;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueKind;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.SyncTestBase;
import com.boxoffice.server.load.LoadTool;

/**
 * A flash sale through the public HTTP API on loopback: 500,000 buyers join the waiting room of one
 * performance of a 50,000-seat house, each reads where they stands, and in line order they are let
 * through, hold the best 1 to 4 seats and pay, until the house is sold out. Then PostgreSQL is checked:
 * every seat sold once, every sale the API confirmed recorded.
 *
 * <pre>./mvnw -q -Pbench -pl sync-server -am verify -Dtest=QueueBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbench.buyers=N} runs a smaller sale; {@code -Dbench.noBuying=true} only joins and reads positions.
 */
@Tag("bench")
@TestPropertySource(properties = {"boxoffice.online.admission-rate=5000", "boxoffice.online.admission-burst=5000",
    "boxoffice.online.admission-time=30m", "boxoffice.online.card-latency-max=0ms"})
class QueueBenchmark extends SyncTestBase {

    private static final int SECTIONS = 20;
    private static final int ROWS = 25;
    private static final int SEATS_PER_ROW = 100;

    @Autowired
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;
    @Autowired
    TransactionTemplate tx;
    @Value("${spring.datasource.url}")
    String jdbcUrl;
    @Value("${spring.datasource.username}")
    String dbUser;
    @Value("${spring.datasource.password}")
    String dbPassword;

    @Test
    void halfAMillionBuyersForFiftyThousandSeats() throws Exception {
        int buyers = Integer.getInteger("bench.buyers", 500_000);
        String performanceId = performance(house());
        LoadTool.Result result = new LoadTool(new LoadTool.Options(URI.create("http://127.0.0.1:" + port), performanceId,
                buyers, 16, 64, 1000, 64, 4, !Boolean.getBoolean("bench.noBuying"), jdbcUrl, dbUser, dbPassword)).run();

        System.out.printf("RESULT queue joins=%d join_per_s=%.0f status_reads_per_s=%.0f sold=%d oversold=%d seconds=%.1f%n",
                result.joined(), result.joinPerSecond(), result.statusReadsPerSecond(), result.sold(), result.oversold(),
                result.seconds());
        System.out.printf("DETAIL purchases=%d seats_bought=%d sold_out_told=%d%n", result.purchases(), result.seatsBought(),
                result.soldOutTold());
        assertThat(result.oversold()).isZero();
        assertThat(result.sold()).isEqualTo(result.seatsBought());
    }

    /** 20 sections of 25 rows of 100 seats, an aisle every 20 seats; the front rows dearer. */
    private static Venue house() {
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < SECTIONS; s++) {
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                String category = r < 5 ? "A" : r < 15 ? "B" : "C";
                List<Seat> seats = new ArrayList<>();
                for (int n = 1; n <= SEATS_PER_ROW; n++) {
                    int fromCentre = Math.abs(2 * n - SEATS_PER_ROW - 1);
                    seats.add(new Seat("S" + s + "-" + (r + 1) + "-" + n, String.valueOf(n), s * 110 + n, r, category,
                            s * 10_000 + r * 200 + fromCentre, Set.of(), n % 20 == 0));
                }
                rows.add(new Row(String.valueOf(r + 1), seats));
            }
            double x0 = s * 110.0;
            sections.add(new Section("S" + s, "Section " + (s + 1),
                    List.of(new Point(x0, -1), new Point(x0 + 102, -1), new Point(x0 + 102, ROWS), new Point(x0, ROWS)), rows));
        }
        return new Venue("bench-house-" + UUID.randomUUID().toString().substring(0, 6), "Benchmark House", VenueKind.ARENA,
                List.of(new PriceCategory("A", "Front", "#aa0000"), new PriceCategory("B", "Middle", "#00aa00"),
                        new PriceCategory("C", "Back", "#0000aa")), sections);
    }

    private String performance(Venue venue) {
        String id = "flash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Instant now = Instant.now();
        Performance performance = new Performance(id, venue.id(), "Flash Sale", now.plus(Duration.ofDays(30)),
                now.minusSeconds(1), now.plus(Duration.ofDays(29)),
                List.of(new PriceTier("A", "Front", 9000, "EUR"), new PriceTier("B", "Middle", 6000, "EUR"),
                        new PriceTier("C", "Back", 3000, "EUR")),
                HoldPolicy.DEFAULT, 8, OfflinePolicy.ALLOCATED_ONLY);
        tx.executeWithoutResult(status -> {
            venues.save(VenueEntity.from(venue, VenueJson.write(venue), now));
            performances.save(PerformanceEntity.from(performance));
        });
        return id;
    }
}

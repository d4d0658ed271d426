package com.boxoffice.server.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldProperties;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.performance.DemoShows;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SeatStateRebuild;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRepository;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.online.AdmissionTokens;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/** The core's services as the server uses them. */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

    /** Where the hold-token secret is kept when no {@code boxoffice.holds.token-secret} is set. */
    static final String TOKEN_SECRET_KEY = "bo:server:hold-token-secret";

    /** Where the admission-token secret of the public queue is kept. */
    static final String ADMISSION_SECRET_KEY = "bo:server:admission-token-secret";

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /**
     * Hold tokens every server instance and every restart agree on: a re-seat hold made before a
     * crash must still be confirmable after it. The configured secret when there is one; else a
     * random secret kept in Redis itself, next to the holds it signs (when Redis loses its data,
     * the holds go with it, so the secret never has to outlive them).
     */
    @Bean
    HoldTokens holdTokens(HoldProperties properties, StatefulRedisConnection<String, String> redis) {
        if (!properties.tokenSecret().isEmpty()) {
            return new HoldTokens(properties.tokenSecret().getBytes(StandardCharsets.UTF_8));
        }
        return new HoldTokens(sharedSecret(redis, TOKEN_SECRET_KEY));
    }

    /**
     * Admission tokens of the public queue, signed with a secret every server instance shares, kept
     * in Redis beside the queues that issue them (a Redis that lost it lost its queues too).
     */
    @Bean
    AdmissionTokens admissionTokens(StatefulRedisConnection<String, String> redis, Clock clock) {
        return new AdmissionTokens(sharedSecret(redis, ADMISSION_SECRET_KEY), clock);
    }

    /** A random 32-byte secret stored under {@code key} by whichever instance came first. */
    private static byte[] sharedSecret(StatefulRedisConnection<String, String> redis, String key) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        redis.sync().set(key, Base64.getEncoder().encodeToString(fresh), SetArgs.Builder.nx());
        return Base64.getDecoder().decode(redis.sync().get(key));
    }

    @Bean
    SeatStateRebuild seatStateRebuild(HoldStore holds, TicketRepository tickets, SeatAssignmentRepository assignments,
                                      SaleOrderRepository orders, TransactionTemplate tx) {
        return new SeatStateRebuild(holds, tickets, assignments, orders, tx);
    }

    /**
     * The demonstration staff accounts, so a first manager can be named at once, and the demo
     * catalog, so demo terminals' sales have their performances here; each only when asked for.
     */
    @Bean
    org.springframework.boot.ApplicationRunner demoData(StaffDirectory staff, SyncProperties properties, VenueRepository venues,
                                                        PerformanceRepository performances, TransactionTemplate tx, Clock clock) {
        return args -> {
            if (properties.demoStaff()) {
                staff.ensureDemoStaff();
            }
            if (properties.demoCatalog()) {
                tx.executeWithoutResult(status -> {
                    for (DemoShows.Show show : DemoShows.all(clock)) {
                        if (!venues.existsById(show.venue().id())) {
                            venues.save(VenueEntity.from(show.venue(), VenueJson.write(show.venue()), clock.instant()));
                        }
                        if (!performances.existsById(show.performance().id())) {
                            performances.save(PerformanceEntity.from(show.performance()));
                        }
                    }
                });
            }
        };
    }

    @Bean
    StaffDirectory staffDirectory(StaffRepository staff, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        return new StaffDirectory(staff, audit, tx, clock);
    }
}

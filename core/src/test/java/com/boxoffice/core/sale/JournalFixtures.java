package com.boxoffice.core.sale;

import java.time.Instant;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;

/** What the journal must hold before a sale can be written to it. */
public final class JournalFixtures {

    private JournalFixtures() {
    }

    /** Stores the test house (once) and the performance, as an installation has them before selling. */
    public static void store(Performance performance, Instant now, VenueRepository venues, PerformanceRepository performances,
                      PlatformTransactionManager transactions) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            if (!venues.existsById(TestSeating.venue().id())) {
                venues.save(VenueEntity.from(TestSeating.venue(), VenueJson.write(TestSeating.venue()), now));
            }
            performances.save(PerformanceEntity.from(performance));
        });
    }
}

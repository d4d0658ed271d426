package com.boxoffice.core.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.persistence.OnPostgres;
import com.boxoffice.core.staff.StaffRole;

/** Shifts on the central database, where terminals' opens can really race. */
@OnPostgres
class ShiftOnPostgresTest extends ShiftContract {

    @Test
    void twoClerksOpeningOnOneTerminalAtOnceGetExactlyOneShift() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String till = "BO-race-" + UUID.randomUUID();
                List<String> clerks = List.of(person(StaffRole.CLERK), person(StaffRole.CLERK));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Object>> outcomes = new ArrayList<>();
                for (String who : clerks) {
                    outcomes.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            return service.open(till, who, 10000, "EUR");
                        } catch (ShiftAlreadyOpenException refused) {
                            return refused;
                        }
                    }));
                }
                List<Object> results = new ArrayList<>();
                for (Future<Object> outcome : outcomes) {
                    results.add(outcome.get(30, TimeUnit.SECONDS));
                }

                List<ShiftView> opened = results.stream().filter(ShiftView.class::isInstance).map(ShiftView.class::cast).toList();
                assertThat(opened).as("round %d: %s", round, results).hasSize(1);
                assertThat(results).filteredOn(ShiftAlreadyOpenException.class::isInstance).hasSize(1);
                assertThat(shiftsOn(till)).isEqualTo(1);
                assertThat(service.current(till)).contains(opened.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

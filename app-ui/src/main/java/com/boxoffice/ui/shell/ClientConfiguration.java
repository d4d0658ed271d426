package com.boxoffice.ui.shell;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.ui.demo.DemoCatalog;

/** The core running in-process (no web server), and the client's own view models. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClientConfiguration {

    @Bean
    InMemoryPerformanceSeatings performanceSeatings() {
        return new InMemoryPerformanceSeatings();
    }

    @Bean
    DemoCatalog demoCatalog(InMemoryPerformanceSeatings seatings, HoldStore holds, Clock clock) {
        return new DemoCatalog(seatings, holds, clock);
    }

    @Bean
    PerformanceListViewModel performanceListViewModel(DemoCatalog catalog, HoldStore holds) {
        return new PerformanceListViewModel(catalog, holds);
    }
}

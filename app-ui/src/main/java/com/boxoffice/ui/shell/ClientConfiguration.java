package com.boxoffice.ui.shell;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

import io.lettuce.core.RedisClient;

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

    /** A new live seat map each time one is opened (each reads the feed on its own connection). */
    @Bean
    Supplier<SeatMapViewModel> seatMapViewModels(DemoCatalog catalog, InMemoryPerformanceSeatings seatings, HoldStore holds,
                                                 RedisClient redis) {
        return () -> new SeatMapViewModel(catalog, seatings, holds, redis);
    }
}

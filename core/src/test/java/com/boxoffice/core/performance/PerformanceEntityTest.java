package com.boxoffice.core.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PerformanceEntityTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:30:00Z");

    private static Performance performance(String id, HoldPolicy holds, List<PriceTier> tiers) {
        return new Performance(id, "venue-1", "Hamlet", NOW.plus(Duration.ofDays(7)), NOW, NOW.plus(Duration.ofDays(7)),
                tiers, holds, 6, OfflinePolicy.ALLOCATED_ONLY);
    }

    @Test
    void mappingToTheEntityAndBackGivesTheSamePerformance() {
        Performance performance = performance("perf-1", HoldPolicy.DEFAULT,
                List.of(new PriceTier("A", "Premium", 6500, "EUR"), new PriceTier("B", "Standard", 3900, "EUR")));

        assertThat(PerformanceEntity.from(performance).toPerformance()).isEqualTo(performance);
    }

    @Test
    void holdTimesWithFractionsOfASecondAreRefusedRatherThanRounded() {
        HoldPolicy fractional = new HoldPolicy(Duration.ofMillis(300_500), Duration.ofMinutes(4),
                Duration.ofMinutes(10), Duration.ofSeconds(20), 2);

        assertThatThrownBy(() -> PerformanceEntity.from(performance("perf-1", fractional, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("box office hold");
    }

    @Test
    void aPerformanceCannotBeRevisedWithAnotherPerformance() {
        PerformanceEntity entity = PerformanceEntity.from(performance("perf-1", HoldPolicy.DEFAULT, List.of()));

        assertThatThrownBy(() -> entity.revise(performance("perf-2", HoldPolicy.DEFAULT, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(entity.getId()).isEqualTo("perf-1");
    }
}

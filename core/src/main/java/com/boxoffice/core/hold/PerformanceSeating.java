package com.boxoffice.core.hold;

import com.boxoffice.core.performance.Performance;

/** A performance with its venue's seats compiled for the hold engine. */
public record PerformanceSeating(Performance performance, SeatLayout layout) {

    /** Largest group "best available" finds in one call (two digits in the run index). */
    public int maxGroup() {
        return Math.min(99, Math.max(10, performance.perBuyerLimit()));
    }
}

package com.boxoffice.core.queue;

import java.time.Duration;

/** The wait a position in line means at the admission rate measured (or, before any, configured). */
public final class WaitEstimate {

    /** Below this many admissions a second admission counts as stalled. */
    private static final double STALLED = 0.01;

    private WaitEstimate() {
    }

    /** Null when admission has stalled. */
    public static Duration of(long position, long served, double measuredRate, double configuredRate, boolean stalled) {
        double rate = served == 0 ? configuredRate : measuredRate;
        if (stalled || rate < STALLED) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil(position / rate));
    }
}

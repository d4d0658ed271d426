package com.boxoffice.core.hold;

/** Finds the performance and seat layout the hold stores work on. */
public interface PerformanceSeatings {

    /** @throws UnknownPerformanceException when there is no such performance */
    PerformanceSeating seating(String performanceId);
}

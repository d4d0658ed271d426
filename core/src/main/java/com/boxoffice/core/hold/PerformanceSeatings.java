package com.boxoffice.core.hold;

import java.util.Collection;

/** Finds the performance and seat layout the hold stores work on. */
public interface PerformanceSeatings {

    /** @throws UnknownPerformanceException when there is no such performance */
    PerformanceSeating seating(String performanceId);

    /** Ids of the performances whose holds need sweeping. */
    Collection<String> performanceIds();
}

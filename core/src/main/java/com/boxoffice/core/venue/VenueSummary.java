package com.boxoffice.core.venue;

/** What a list of venues shows, without the seating plan (megabytes for a stadium). */
public record VenueSummary(String id, String name, VenueKind kind, int seatCount) {
}

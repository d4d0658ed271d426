package com.boxoffice.core.venue;

/** What sort of house a venue is. */
public enum VenueKind {
    THEATRE, ARENA, STADIUM, OTHER
}

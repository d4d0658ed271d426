package com.boxoffice.core.venue;

/** Accessibility facts about a seat. */
public enum Accessibility {
    /** A space for a wheelchair user (no fixed seat). */
    WHEELCHAIR,
    /** A seat next to a wheelchair space, for the person accompanying its user. */
    COMPANION,
    /** Part of the stage or pitch cannot be seen from here. */
    RESTRICTED_VIEW,
    /** On an aisle: easy to reach, step-free or with few steps. */
    AISLE
}

package com.boxoffice.core.performance;

/** Why a seat of a performance is out of general sale. */
public enum SeatAssignmentState {
    /** Not for sale at all (house seats, a broken seat, a camera position). */
    BLOCKED,
    /** Set aside for one terminal, which may sell it even while it has no connection. */
    ALLOCATED
}

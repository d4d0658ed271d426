package com.boxoffice.core.queue;

/** Where a buyer's entry in a waiting room stands. */
public enum QueueState {
    /** Joined before the sale opened; a random place is given when it opens. */
    LOBBY,
    /** In line, with a place number. */
    WAITING,
    /** Let through: may hold and buy until the admission ends. */
    ADMITTED,
    /** Was admitted and did not buy in time; joining again starts at the end of the line. */
    EXPIRED,
    /** Bought. */
    DONE,
    /** Nothing is left to sell: no seat free and none held that could come back. */
    SOLD_OUT;

    /** Whether the entry will change no more by waiting. */
    public boolean isFinal() {
        return this == EXPIRED || this == DONE || this == SOLD_OUT;
    }
}

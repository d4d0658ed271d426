package com.boxoffice.core.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * A buyer's entry in a performance's waiting room, as Redis answered it.
 *
 * @param queueId       the entry's id: a secret, as it is what admits its holder
 * @param performanceId the performance
 * @param state         where it stands
 * @param number        its place number (1 is first), 0 while in the lobby
 * @param served        places let through so far: the one value every position derives from
 * @param admittedUntil when the admission ends; null when never admitted
 * @param opensAt       when the sale opens (the lobby is sealed then)
 * @param measuredRate  admissions a second over the last ten seconds or so
 * @param buyer         whom the entry belongs to
 * @param lobbySize     places given to lobby members when the sale opened; null before
 * @param stalled       nobody can be let through now: every free seat is spoken for by buyers admitted already
 */
public record QueueEntry(String queueId, String performanceId, QueueState state, long number, long served,
                         Instant admittedUntil, Instant opensAt, double measuredRate, String buyer, Long lobbySize,
                         boolean stalled) {

    /** Places ahead of this one, plus one (1: next to be let through); null unless waiting. */
    public Long position() {
        return state == QueueState.WAITING ? Math.max(1, number - served) : null;
    }

    /**
     * How long until admission at the rate buyers have been let through lately; before anybody was
     * let through, at {@code configuredRate}. Null unless waiting, and while admission has stalled
     * (every seat held or taken by buyers already admitted), when no honest figure exists.
     */
    public Duration estimatedWait(double configuredRate) {
        Long position = position();
        if (position == null) {
            return null;
        }
        return WaitEstimate.of(position, served, measuredRate, configuredRate, stalled);
    }
}
